package io.leadbridge.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.support.ApiClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reading the reports' JSON and CSV in tests: the same checks on H2 and on PostgreSQL. */
final class ReportAssertions {

    private ReportAssertions() {
    }

    static JsonNode ok(ApiClient client, String path) {
        ApiClient.Response response = client.get(path);
        assertThat(response.status()).as(path + " → " + response).isEqualTo(200);
        return response.json();
    }

    static void assertCsvFile(ApiClient.Response csv, String fileName) {
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).isEqualTo("text/csv;charset=UTF-8");
        assertThat(csv.header("Content-Disposition")).isEqualTo("attachment; filename=\"" + fileName + "\"");
    }

    static List<Map.Entry<String, Long>> statuses(JsonNode group) {
        List<Map.Entry<String, Long>> statuses = new ArrayList<>();
        group.path("statuses").forEach(s -> statuses.add(Map.entry(s.path("status").asText(), s.path("leads").asLong())));
        return statuses;
    }

    /** "STAGE CURRENCY opportunities value" per opportunity line of a pipeline group. */
    static List<String> stages(JsonNode group) {
        List<String> stages = new ArrayList<>();
        group.path("opportunities").forEach(o -> stages.add(o.path("stage").asText() + " " + o.path("currency").asText()
                + " " + o.path("opportunities").asLong() + " " + o.path("value").decimalValue().setScale(2)));
        return stages;
    }

    /** "STAGE CURRENCY opportunities value [without a rate: CURRENCY amount, ...]" per converted line of a group. */
    static List<String> converted(JsonNode group) {
        List<String> stages = new ArrayList<>();
        group.path("converted").forEach(o -> {
            List<String> withoutRate = new ArrayList<>();
            o.path("withoutRate").forEach(m -> withoutRate.add(m.path("currency").asText() + " "
                    + m.path("amount").decimalValue().setScale(2)));
            stages.add(o.path("stage").asText() + " " + o.path("currency").asText() + " "
                    + o.path("opportunities").asLong() + " " + o.path("value").decimalValue().setScale(2)
                    + (withoutRate.isEmpty() ? "" : " without a rate: " + String.join(", ", withoutRate)));
        });
        return stages;
    }

    static List<String> keysAndLeads(JsonNode groups) {
        List<String> lines = new ArrayList<>();
        groups.forEach(g -> lines.add((g.has("key") ? g.path("key").asText() : "-") + " " + g.path("leads").asLong()));
        return lines;
    }

    static List<Long> counts(JsonNode funnelOrSteps) {
        JsonNode steps = funnelOrSteps.has("steps") ? funnelOrSteps.path("steps") : funnelOrSteps;
        List<Long> counts = new ArrayList<>();
        steps.forEach(s -> counts.add(s.path("leads").asLong()));
        return counts;
    }

    static void assertFunnel(JsonNode steps, long[] leads, String[] fromPrevious, String[] fromReceived) {
        assertThat(steps).hasSize(7);
        List<String> names = new ArrayList<>();
        steps.forEach(s -> names.add(s.path("step").asText()));
        assertThat(names).containsExactly("RECEIVED", "QUALIFIED", "OFFERED", "ACCEPTED", "CONTACTED", "OPPORTUNITY",
                "WON");
        for (int i = 0; i < 7; i++) {
            assertThat(steps.get(i).path("leads").asLong()).as(names.get(i)).isEqualTo(leads[i]);
            if (i > 0) {
                assertDecimal(steps.get(i).path("fromPrevious"), fromPrevious[i - 1]);
                assertDecimal(steps.get(i).path("fromReceived"), fromReceived[i - 1]);
            }
        }
    }

    /** {@code "offers 5, answered 3, ..."}: each named count of an SLA row. */
    static void assertSla(JsonNode row, String counts, String acceptedInTimeShare, String contactedInTimeShare) {
        for (String pair : counts.split(", ")) {
            String[] nameAndCount = pair.split(" ");
            assertThat(row.path(nameAndCount[0]).asLong()).as(nameAndCount[0]).isEqualTo(Long.parseLong(nameAndCount[1]));
        }
        assertDecimal(row.path("acceptedInTimeShare"), acceptedInTimeShare);
        assertDecimal(row.path("contactedInTimeShare"), contactedInTimeShare);
    }

    static void assertCampaign(JsonNode row, String counts) {
        for (String pair : counts.split(", ")) {
            String[] nameAndCount = pair.split(" ");
            assertThat(row.path(nameAndCount[0]).asLong()).as(row.path("campaign").asText() + " " + nameAndCount[0])
                    .isEqualTo(Long.parseLong(nameAndCount[1]));
        }
    }

    static void assertHours(JsonNode hours, String median, String p90) {
        assertDecimal(hours.path("median"), median);
        assertDecimal(hours.path("p90"), p90);
    }

    static void assertDecimal(JsonNode node, String expected) {
        assertThat(node.isNumber()).as("a number, expected " + expected + ": " + node).isTrue();
        assertThat(node.decimalValue()).isEqualByComparingTo(expected);
    }

    static Map<String, String> line(String section, String item, String measure, String value) {
        return Map.of("section", section, "item", item, "measure", measure, "value", value);
    }

    static List<String> badRequestFields(ApiClient client, String path) {
        ApiClient.Response response = client.get(path);
        assertThat(response.status()).as(path + " → " + response).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        response.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }
}
