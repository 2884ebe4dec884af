package io.leadbridge.taskform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** The rules read from the Camunda Forms in {@code processes/forms}, field by field. */
class TaskFormTest {

    private static TaskForm form(String file) throws IOException {
        return TaskForm.parse(Files.readAllBytes(Path.of("processes/forms", file)));
    }

    @Test
    void theOfferFormTakesTheAnswerAndShowsTheLeadsFactsReadOnly() throws IOException {
        TaskForm accept = form("accept-lead.form");

        assertThat(accept.id()).isEqualTo("acceptLeadForm");
        assertThat(accept.fields().keySet()).containsExactlyInAnyOrder("accountName", "country", "industry",
                "product", "segment", "grade", "campaign", "offerDecision", "declineReason");
        assertThat(accept.fields().keySet()).doesNotContain("competitor", "contactSla", "winningPartnerId",
                "offeredPartners");
        assertThat(accept.fields().get("accountName").readonly()).isTrue();
        assertThat(accept.fields().get("offerDecision").readonly()).isFalse();
    }

    @Test
    void anOptionMustBeOneOfTheFormsValues() throws IOException {
        FormField decision = form("accept-lead.form").fields().get("offerDecision");

        assertThat(decision.problemWith("ACCEPT", null)).isEmpty();
        assertThat(decision.problemWith("DECLINE", null)).isEmpty();
        assertThat(decision.problemWith("MAYBE", null)).contains("must be one of [ACCEPT, DECLINE]");
        assertThat(decision.problemWith(1, null)).isPresent();
    }

    @Test
    void textKeepsToItsLengthAndPattern() throws IOException {
        FormField reason = form("accept-lead.form").fields().get("declineReason");
        FormField partner = form("distribute-lead.form").fields().get("assignedPartnerId");

        assertThat(reason.problemWith("x".repeat(1000), null)).isEmpty();
        assertThat(reason.problemWith("x".repeat(1001), null)).contains("must be at most 1000 characters");
        assertThat(reason.problemWith(42L, null)).contains("must be text");
        assertThat(partner.problemWith("northwind-systems", null)).isEmpty();
        assertThat(partner.problemWith("Northwind Systems; drop table", null)).isPresent();
    }

    @Test
    void numbersDatesAndCheckboxesAreTyped() throws IOException {
        TaskForm progress = form("report-progress.form");
        FormField amount = progress.fields().get("opportunityAmount");
        FormField closeDate = progress.fields().get("expectedCloseDate");
        FormField withdraw = form("chase-status-update.form").fields().get("withdrawAfterChase");

        assertThat(amount.problemWith(15000.5, null)).isEmpty();
        assertThat(amount.problemWith("15000.50", null)).as("as the API sends it").isEmpty();
        assertThat(amount.problemWith(0, null)).contains("must be at least 0.01");
        assertThat(amount.problemWith("a lot", null)).contains("must be a number");
        assertThat(closeDate.problemWith("2027-03-31", null)).isEmpty();
        assertThat(closeDate.problemWith("2027-03-31T00:00:00+01:00", null)).isEmpty();
        assertThat(closeDate.problemWith(new Date(), null)).isEmpty();
        assertThat(closeDate.problemWith("next spring", null)).isPresent();
        assertThat(withdraw.problemWith(true, null)).isEmpty();
        assertThat(withdraw.problemWith("yes", null)).contains("must be true or false");
    }

    @Test
    void aReadOnlyFieldComesBackUnchangedOrNotAtAll() throws IOException {
        FormField company = form("accept-lead.form").fields().get("accountName");
        FormField missed = form("report-progress.form").fields().get("missedStatusUpdates");

        assertThat(company.problemWith("Globex", "Globex")).isEmpty();
        assertThat(company.problemWith("", null)).as("Tasklist sends an empty field as empty text").isEmpty();
        assertThat(company.problemWith("Initech", "Globex")).contains("is shown read-only on the form and cannot be changed");
        assertThat(missed.problemWith(2.0, 2)).as("a number shown in a text field").isEmpty();
        assertThat(missed.problemWith(0, 2)).isPresent();
    }
}
