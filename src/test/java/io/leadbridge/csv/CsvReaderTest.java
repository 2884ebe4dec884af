package io.leadbridge.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 4180 as files from spreadsheets and CRMs write it, record by record with the line each starts on. */
class CsvReaderTest {

    @Test
    void readsPlainFieldsSeparatedByCommas() {
        assertThat(read("a,b,c\n1,2,3\n")).containsExactly(
                new CsvReader.Record(1, List.of("a", "b", "c"), null),
                new CsvReader.Record(2, List.of("1", "2", "3"), null));
    }

    @Test
    void aQuotedFieldHoldsCommasDoubledQuotesAndLineBreaks() {
        List<CsvReader.Record> records = read("id,notes\n1,\"Acme, Inc.\"\n2,\"said \"\"call me\"\"\"\n"
                + "3,\"first line\nsecond line\r\nthird line\"\n4,after\n");

        assertThat(records).extracting(CsvReader.Record::fields).containsExactly(
                List.of("id", "notes"),
                List.of("1", "Acme, Inc."),
                List.of("2", "said \"call me\""),
                List.of("3", "first line\nsecond line\r\nthird line"),
                List.of("4", "after"));
        assertThat(records).extracting(CsvReader.Record::line).as("a record starts on its physical line")
                .containsExactly(1, 2, 3, 4, 7);
        assertThat(records).allSatisfy(r -> assertThat(r.problem()).isNull());
    }

    @Test
    void skipsALeadingByteOrderMark() {
        assertThat(read("\uFEFFexternalId,source\nx,y\n").get(0).fields()).containsExactly("externalId", "source");
    }

    @Test
    void readsCrlfAndLfAndALastLineWithoutBreak() {
        assertThat(read("a,b\r\n1,2\r\n3,4")).extracting(CsvReader.Record::fields)
                .containsExactly(List.of("a", "b"), List.of("1", "2"), List.of("3", "4"));
    }

    @Test
    void emptyLinesAreNoRecordsButCountAsLines() {
        List<CsvReader.Record> records = read("a,b\r\n\r\n1,2\n\n\n3,4\r\n\r\n");

        assertThat(records).extracting(CsvReader.Record::line).containsExactly(1, 3, 6);
        assertThat(read("")).isEmpty();
        assertThat(read("\n\r\n")).isEmpty();
    }

    @Test
    void keepsEmptyFieldsAndRaggedRowsAsTheyAre() {
        assertThat(read(",,\n1\n\"\",x\n")).extracting(CsvReader.Record::fields)
                .containsExactly(List.of("", "", ""), List.of("1"), List.of("", "x"));
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsAnOrdinaryCharacter() {
        assertThat(read("5\" screen,x\n").get(0).fields()).containsExactly("5\" screen", "x");
    }

    @Test
    void textAfterAClosingQuoteBreaksOnlyItsRecord() {
        List<CsvReader.Record> records = read("\"a\"b,c\nd,e\n");

        assertThat(records.get(0).problem()).contains("quoted field");
        assertThat(records.get(1)).isEqualTo(new CsvReader.Record(2, List.of("d", "e"), null));
    }

    @Test
    void aQuoteLeftOpenBreaksTheRecordItStartsAndEndsTheFile() {
        List<CsvReader.Record> records = read("a,b\n1,2\n3,\"open\n4,5\n");

        assertThat(records).hasSize(3);
        assertThat(records.get(2).line()).isEqualTo(3);
        assertThat(records.get(2).problem()).contains("line 3").contains("not closed");
    }

    @Test
    void readsRecordsLongerThanItsBuffer() {
        String longField = "x".repeat(200_000);
        List<CsvReader.Record> records = read("a,b\n\"" + longField + "\"\"\",\"y\r\nz\"\r\nq,r\n");

        assertThat(records.get(1).fields()).containsExactly(longField + "\"", "y\r\nz");
        assertThat(records.get(2).line()).isEqualTo(4);
    }

    @Test
    void aRecordLongerThanTheLimitIsBrokenAndReadNoFurther() throws IOException {
        CsvReader exact = new CsvReader(new StringReader("abcde\nxyz\n"));
        assertThat(exact.next(5)).isEqualTo(new CsvReader.Record(1, List.of("abcde"), null));

        CsvReader reader = new CsvReader(new StringReader("a,b,c".repeat(1_000) + "\n"));
        CsvReader.Record record = reader.next(10);
        assertThat(record.problem()).isEqualTo("it is longer than 10 characters");
        assertThat(String.join(",", record.fields())).hasSize(10);

        CsvReader quoted = new CsvReader(new StringReader("\"" + "q".repeat(50) + "\"\n"));
        assertThat(quoted.next(10).problem()).isEqualTo("it is longer than 10 characters");
    }

    @Test
    void fieldsPastTheLimitAreCountedNotKeptAndBreakTheRecord() throws IOException {
        CsvReader reader = new CsvReader(new StringReader("a,b,c\n" + ",".repeat(1_000_000) + "\nx,y\n"), 3);

        assertThat(reader.next()).isEqualTo(new CsvReader.Record(1, List.of("a", "b", "c"), null));
        CsvReader.Record commas = reader.next();
        assertThat(commas.fields()).hasSize(3);
        assertThat(commas.problem()).isEqualTo("it has 1000001 fields; at most 3 are read");
        assertThat(reader.next()).as("the next line is the next record")
                .isEqualTo(new CsvReader.Record(3, List.of("x", "y"), null));
    }

    private static List<CsvReader.Record> read(String text) {
        try {
            CsvReader reader = new CsvReader(new StringReader(text));
            List<CsvReader.Record> records = new ArrayList<>();
            for (CsvReader.Record r = reader.next(); r != null; r = reader.next()) {
                records.add(r);
            }
            return records;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
