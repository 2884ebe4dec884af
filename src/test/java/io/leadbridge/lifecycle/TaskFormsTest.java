package io.leadbridge.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadbridge.opportunity.StatusUpdate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Camunda Forms in {@code processes/forms}: every form a user task names exists, each field has
 * its own id, and the forms of the closed loop write the variables the completion checks read.
 */
class TaskFormsTest {

    private static final Pattern FORM_REF = Pattern.compile("camunda:formRef=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonNode> FORMS = new HashMap<>();

    @BeforeAll
    static void readForms() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("processes/forms"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
                JsonNode form = JSON.readTree(file.toFile());
                FORMS.put(form.path("id").asText(), form);
            }
        }
    }

    @Test
    void everyFormAUserTaskNamesIsThere() throws IOException {
        List<String> referenced = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                Matcher ref = FORM_REF.matcher(Files.readString(file));
                while (ref.find()) {
                    referenced.add(ref.group(1));
                }
            }
        }
        assertThat(referenced).contains("reportProgressForm", "chaseStatusUpdateForm");
        assertThat(FORMS.keySet()).containsAll(referenced);
    }

    @Test
    void fieldIdsAreUniqueInEveryForm() {
        FORMS.forEach((id, form) -> {
            Set<String> seen = new HashSet<>();
            form.path("components").forEach(c -> assertThat(seen.add(c.path("id").asText()))
                    .as(id + ": field id " + c.path("id").asText()).isTrue());
        });
    }

    @Test
    void theReportProgressFormWritesWhatTheStatusUpdateReads() {
        assertThat(keys("reportProgressForm")).contains(StatusUpdate.ACTION, StatusUpdate.AMOUNT, StatusUpdate.CURRENCY,
                StatusUpdate.EXPECTED_CLOSE_DATE, StatusUpdate.PRODUCTS, StatusUpdate.STAGE, StatusUpdate.LOST_REASON,
                StatusUpdate.NOTE);
        assertThat(keys("chaseStatusUpdateForm")).contains(LeadVariables.CHASE_NOTE, LeadVariables.WITHDRAW_AFTER_CHASE);
        for (String closing : List.of("contactProspectForm", "insideSalesOutcomeForm")) {
            assertThat(keys(closing)).as(closing + ": a won lead's value, a lost lead's reason")
                    .contains(LeadVariables.OUTCOME, StatusUpdate.AMOUNT, StatusUpdate.CURRENCY, StatusUpdate.LOST_REASON);
        }
    }

    private static List<String> keys(String formId) {
        List<String> keys = new ArrayList<>();
        FORMS.get(formId).path("components").forEach(c -> {
            if (c.hasNonNull("key")) {
                keys.add(c.path("key").asText());
            }
        });
        return keys;
    }
}
