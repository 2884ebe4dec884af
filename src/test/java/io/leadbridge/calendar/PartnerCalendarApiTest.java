package io.leadbridge.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.partner.PartnerTier;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.security.VendorGroups;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.ApiClient.Response;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code /api/partners/{id}/calendar} and {@code /closures} over HTTP: who may read and change a
 * partner's calendar and closures, and bad input answered 400 naming the field, never 500.
 */
@LeadbridgeTest
class PartnerCalendarApiTest {

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired AccessProvisioning access;

    private String partner;
    private ApiClient channelManager;
    private ApiClient rep;
    private ApiClient otherRep;
    private ApiClient marketing;

    @BeforeEach
    void partners() {
        partner = fixtures.partner("cal", PartnerTier.GOLD, "US");
        String other = fixtures.partner("other", PartnerTier.GOLD, "US");
        rep = as(fixtures.rep(partner));
        otherRep = as(fixtures.rep(other));
        channelManager = as(user("cm", VendorGroups.CHANNEL_MANAGERS));
        marketing = as(user("mkt", null));
    }

    @Test
    void nobodyWithoutALoginReadsOrChangesACalendarOrItsClosures() {
        ApiClient anonymous = ApiClient.anonymous(port);
        String calendar = "/api/partners/" + partner + "/calendar";
        String closures = "/api/partners/" + partner + "/closures";
        assertThat(anonymous.get(calendar).status()).isEqualTo(401);
        assertThat(anonymous.put(calendar, Map.of("timeZone", "UTC")).status()).isEqualTo(401);
        assertThat(anonymous.get(closures).status()).isEqualTo(401);
        assertThat(anonymous.post(closures, Map.of("firstDay", "2027-08-02", "lastDay", "2027-08-03")).status())
                .isEqualTo(401);
        assertThat(anonymous.delete(closures + "/1").status()).isEqualTo(401);
        assertThat(rep.get(closures).json()).as("nothing was stored").isEmpty();
        assertThat(rep.get(calendar).json().path("source").asText()).isEqualTo("VENDOR");
    }

    @Test
    void aPartnerWithoutACalendarOfItsOwnWorksOnTheVendors() {
        Response calendar = rep.get("/api/partners/" + partner + "/calendar");

        assertThat(calendar.status()).isEqualTo(200);
        assertThat(calendar.json().path("source").asText()).isEqualTo("VENDOR");
        assertThat(calendar.json().path("timeZone").asText()).isEqualTo("UTC");
        assertThat(calendar.json().path("workingDays").toString())
                .isEqualTo("[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\"]");
    }

    @Test
    void channelManagersAndThePartnersRepsSetItsCalendarOthersMayNot() {
        Response set = channelManager.put("/api/partners/" + partner + "/calendar", Map.of("timeZone",
                "America/New_York", "country", "US", "region", "US-NY", "workingDays", List.of("MONDAY", "TUESDAY",
                        "WEDNESDAY", "THURSDAY"), "opens", "08:30", "closes", "18:00"));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().path("source").asText()).isEqualTo("PARTNER");
        assertThat(set.json().path("opens").asText()).isEqualTo("08:30:00");

        Response read = rep.get("/api/partners/" + partner + "/calendar");
        assertThat(read.json().path("timeZone").asText()).isEqualTo("America/New_York");
        assertThat(read.json().path("region").asText()).isEqualTo("US-NY");
        assertThat(read.json().path("workingDays")).hasSize(4);

        assertThat(rep.put("/api/partners/" + partner + "/calendar", Map.of("timeZone", "America/Chicago")).status())
                .isEqualTo(200);
        assertThat(otherRep.get("/api/partners/" + partner + "/calendar").status()).isEqualTo(403);
        assertThat(otherRep.put("/api/partners/" + partner + "/calendar", Map.of("timeZone", "UTC")).status())
                .isEqualTo(403);
        assertThat(marketing.put("/api/partners/" + partner + "/calendar", Map.of("timeZone", "UTC")).status())
                .isEqualTo(403);
        assertThat(channelManager.get("/api/partners/no-such-partner/calendar").status()).isEqualTo(404);
        assertThat(rep.get("/api/partners/" + partner + "/calendar").json().path("timeZone").asText())
                .isEqualTo("America/Chicago");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            timeZone    | Mars/Olympus_Mons | timeZone
            timeZone    | ' '               | timeZone
            country     | XX                | country
            country     | us                | country
            region      | DE-BY             | region
            region      | US-ZZ             | region
            region      | not a region      | region
            opens       | 25:00             | opens
            closes      | 08:00             | closes
            workingDays | FUNDAY            | workingDays
            """)
    void refusesABadCalendarNamingTheField(String field, String value, String named) {
        Map<String, Object> calendar = new HashMap<>(Map.of("timeZone", "America/New_York", "country", "US"));
        calendar.put(field, field.equals("workingDays") ? List.of(value) : value);

        Response refused = channelManager.put("/api/partners/" + partner + "/calendar", calendar);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains(named).doesNotContain("Exception");
    }

    @Test
    void refusesAVeryLongTimeZoneAndAnUnreadableBody() {
        assertThat(channelManager.put("/api/partners/" + partner + "/calendar", Map.of("timeZone", "A".repeat(5000)))
                .status()).isEqualTo(400);
        Response garbage = channelManager.send("PUT", "/api/partners/" + partner + "/calendar", "application/json",
                "{\"timeZone\": [1, 2]}");
        assertThat(garbage.status()).as(garbage.body()).isEqualTo(400);
        assertThat(garbage.body()).contains("timeZone");
    }

    @Test
    void thePartnersRepsEnterAndRemoveClosures() {
        Response added = rep.post("/api/partners/" + partner + "/closures",
                Map.of("firstDay", "2027-08-02", "lastDay", "2027-08-13", "reason", "summer shutdown"));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        long id = added.json().path("id").asLong();
        assertThat(added.json().path("createdBy").asText()).isNotBlank();

        assertThat(channelManager.get("/api/partners/" + partner + "/closures").json()).hasSize(1);
        assertThat(rep.get("/api/partners/" + partner + "/closures/" + id).json().path("reason").asText())
                .isEqualTo("summer shutdown");
        assertThat(otherRep.get("/api/partners/" + partner + "/closures").status()).isEqualTo(403);
        assertThat(otherRep.post("/api/partners/" + partner + "/closures",
                Map.of("firstDay", "2027-08-02", "lastDay", "2027-08-03")).status()).isEqualTo(403);
        assertThat(otherRep.delete("/api/partners/" + partner + "/closures/" + id).status()).isEqualTo(403);
        assertThat(marketing.post("/api/partners/" + partner + "/closures",
                Map.of("firstDay", "2027-08-02", "lastDay", "2027-08-03")).status()).isEqualTo(403);

        assertThat(rep.delete("/api/partners/" + partner + "/closures/" + id).status()).isEqualTo(204);
        assertThat(rep.delete("/api/partners/" + partner + "/closures/" + id).status()).isEqualTo(404);
        assertThat(channelManager.get("/api/partners/" + partner + "/closures").json()).isEmpty();
    }

    @ParameterizedTest(name = "{0} to {1}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            2027-08-13 | 2027-08-02 | lastDay
            null       | 2027-08-02 | firstDay
            2027-08-02 | null       | lastDay
            2027-02-30 | 2027-03-01 | firstDay
            2027-01-01 | 2028-06-30 | lastDay
            1999-01-01 | 1999-01-02 | firstDay
            9999-01-01 | 9999-01-02 | firstDay
            """)
    void refusesABadClosureNamingTheField(String firstDay, String lastDay, String named) {
        Map<String, Object> closure = new HashMap<>();
        closure.put("firstDay", firstDay);
        closure.put("lastDay", lastDay);

        Response refused = rep.post("/api/partners/" + partner + "/closures", closure);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains(named).doesNotContain("Exception");
        assertThat(rep.get("/api/partners/" + partner + "/closures").json()).isEmpty();
    }

    @Test
    void refusesAClosureReasonThatIsTooLongOrHoldsControlCharacters() {
        assertThat(rep.post("/api/partners/" + partner + "/closures", Map.of("firstDay", "2027-08-02",
                "lastDay", "2027-08-03", "reason", "x".repeat(201))).body()).contains("reason");
        Response control = rep.post("/api/partners/" + partner + "/closures", Map.of("firstDay", "2027-08-02",
                "lastDay", "2027-08-03", "reason", "bell\u0007"));
        assertThat(control.status()).isEqualTo(400);
        assertThat(rep.get("/api/partners/" + partner + "/closures").json()).isEmpty();
    }

    private ApiClient as(String username) {
        return ApiClient.as(port, username, LeadFixtures.PASSWORD);
    }

    private String user(String prefix, String group) {
        String username = prefix + "-" + Long.toString(System.nanoTime(), 36);
        if (group == null) {
            access.provisionUser(username, prefix, "Test", null, LeadFixtures.PASSWORD);
        } else {
            access.provisionUser(username, prefix, "Test", null, LeadFixtures.PASSWORD, group);
        }
        return username;
    }
}
