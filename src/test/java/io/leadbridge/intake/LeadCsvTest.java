package io.leadbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadbridge.csv.CsvReader;
import io.leadbridge.web.InvalidInputException;
import io.leadbridge.web.InvalidInputException.FieldError;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The import file's columns, and a row read and checked as the JSON API checks a lead. */
class LeadCsvTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    private static final String HEADER = "externalId,source,product,score,contactFirstName,contactLastName,"
            + "contactEmail,accountName,accountDomain,accountCountry,accountEmployees,accountAnnualRevenue,accountRegion";
    private static final String GOOD = "crm-1,hubspot,Cloud Platform,70,Pat,Prospect,pat@acme.example,\"Acme, Inc.\","
            + "acme.example,US,250,25000000.50,US-CA";

    @Test
    void aGoodRowIsTheLeadTheJsonApiWouldReceive() {
        LeadCsv.Row row = rows(HEADER + "\n" + GOOD + "\n").get(0);

        assertThat(row.errors()).isEmpty();
        assertThat(row.line()).isEqualTo(2);
        LeadSubmission lead = row.submission();
        assertThat(lead.externalId()).isEqualTo("crm-1");
        assertThat(lead.score()).isEqualTo(70);
        assertThat(lead.contact().email()).isEqualTo("pat@acme.example");
        assertThat(lead.account().name()).isEqualTo("Acme, Inc.");
        assertThat(lead.account().employees()).isEqualTo(250);
        assertThat(lead.account().annualRevenue()).isEqualByComparingTo(new BigDecimal("25000000.50"));
        assertThat(lead.account().region()).isEqualTo("US-CA");
        assertThat(lead.campaign()).as("a column left out is null").isNull();
    }

    @Test
    void columnNamesAreCaseInsensitiveAndInAnyOrder() {
        LeadCsv.Row row = rows("ACCOUNTCOUNTRY,contactemail,ExternalId,source,product,score,contactFirstName,"
                + "contactLastName,accountName,accountDomain\nDE,p@x.example,e-1,web,P,5,Pat,Pro,X,x.example\n").get(0);

        assertThat(row.errors()).isEmpty();
        assertThat(row.submission().account().country()).isEqualTo("DE");
        assertThat(row.submission().contact().email()).isEqualTo("p@x.example");
    }

    @Test
    void unknownAndRepeatedColumnsAreOneErrorEachAndMissingOnesAreNamedEach() {
        assertThatThrownBy(() -> rows("externalId,source,product,scor,contactEmail,contactemail,accountName\n"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("header",
                            "header", "score", "contactFirstName", "contactLastName", "accountDomain",
                            "accountCountry");
                    assertThat(e.errors()).extracting(FieldError::message)
                            .anySatisfy(m -> assertThat(m).startsWith("unknown column 'scor'; the columns are"))
                            .anySatisfy(m -> assertThat(m).isEqualTo("columns named more than once: contactEmail"));
                });
    }

    @Test
    void thousandsOfUnknownColumnsAreOneErrorListingTheFirstFive() {
        StringBuilder header = new StringBuilder("externalId");
        for (int i = 0; i < 90; i++) {
            header.append(",x").append(i);
        }

        assertThatThrownBy(() -> rows(header + "\n"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .filteredOn(f -> f.field().equals("header")).singleElement().extracting(FieldError::message)
                        .asString().startsWith("unknown columns 'x0', 'x1', 'x2', 'x3', 'x4' and 85 more;"));
    }

    @Test
    void aHeaderOfMoreColumnsThanAllowedIsRefusedWithoutLookingAtThem() {
        assertThatThrownBy(() -> rows("a,".repeat(100) + "a\n"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(f -> {
                            assertThat(f.field()).isEqualTo("header");
                            assertThat(f.message()).startsWith("the header row has 101 columns; at most 100");
                        }));
    }

    @Test
    void brokenFieldsAreNamedAsInTheJsonApiAllAtOnce() {
        LeadCsv.Row row = rows(HEADER + "\n,hubspot,Cloud,150,Pat,Prospect,not-an-email,Acme,acme.example,XX,"
                + "many,lots,\n").get(0);

        assertThat(row.valid()).isFalse();
        assertThat(row.submission()).isNull();
        assertThat(row.externalId()).isNull();
        assertThat(row.errors()).extracting(FieldError::field).containsExactly("account.annualRevenue",
                "account.country", "account.employees", "contact.email", "externalId", "score");
        assertThat(row.errors()).filteredOn(e -> e.field().equals("account.employees")).singleElement()
                .extracting(FieldError::message).asString().contains("'many'").contains("accountEmployees")
                .contains("whole number");
    }

    @Test
    void numbersAreAsciiDigitsOnly() {
        LeadCsv.Row fullWidth = rows(HEADER + "\n" + GOOD.replace(",70,", ",\uFF18\uFF10,") + "\n").get(0);
        LeadCsv.Row arabicIndic = rows(HEADER + "\n" + GOOD.replace(",70,", ",\u0667\u0660,") + "\n").get(0);
        LeadCsv.Row signed = rows(HEADER + "\n" + GOOD.replace(",70,", ",+70,") + "\n").get(0);

        assertThat(fullWidth.errors()).extracting(FieldError::field).containsExactly("score");
        assertThat(fullWidth.errors().get(0).message()).contains("is not a whole number");
        assertThat(arabicIndic.errors()).extracting(FieldError::field).containsExactly("score");
        assertThat(signed.valid()).isTrue();
    }

    @Test
    void aRaggedRowIsARowError() {
        List<LeadCsv.Row> rows = rows(HEADER + "\n" + GOOD + ",extra\ncrm-2,hubspot\n" + GOOD.replace("crm-1", "crm-3"));

        assertThat(rows.get(0).errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("row");
            assertThat(e.message()).isEqualTo("has 14 fields where the header has 13");
        });
        assertThat(rows.get(1).externalId()).isEqualTo("crm-2");
        assertThat(rows.get(1).errors()).extracting(FieldError::message)
                .containsExactly("has 2 fields where the header has 13");
        assertThat(rows.get(2).valid()).isTrue();
    }

    @Test
    void aRowWithBytesThatAreNotUtf8IsRejectedNamingTheField() {
        LeadCsv.Row row = rows(HEADER + "\n" + GOOD.replace("Pat,", "J\uFFFDrg,") + "\n").get(0);

        assertThat(row.errors()).extracting(FieldError::field).containsExactly("contact.firstName");
    }

    @Test
    void aRegionOutsideTheCountryIsNamedAsTheJsonApiNamesIt() {
        LeadCsv.Row row = rows(HEADER + "\n" + GOOD.replace("US-CA", "DE-BY") + "\n").get(0);

        assertThat(row.errors()).extracting(FieldError::field).containsExactly("account.regionInCountry");
    }

    private static List<LeadCsv.Row> rows(String file) {
        try {
            CsvReader reader = new CsvReader(new StringReader(file));
            LeadCsv csv = LeadCsv.header(reader.next(), VALIDATOR, 100);
            List<LeadCsv.Row> rows = new java.util.ArrayList<>();
            for (CsvReader.Record r = reader.next(); r != null; r = reader.next()) {
                rows.add(csv.row(r));
            }
            return rows;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
