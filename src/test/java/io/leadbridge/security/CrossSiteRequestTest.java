package io.leadbridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.partner.PartnerTier;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.ApiClient.Response;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A page on another site makes the user's browser send {@code /api} requests with the HTTP Basic
 * login the browser cached: a form, a {@code text/plain} body or a POST with no body type. Each is
 * refused before it changes anything; the same request from a script (JSON, or the header
 * {@code X-Requested-With}) goes through.
 */
@LeadbridgeTest
class CrossSiteRequestTest {

    private static final String CSV_HEADER = "externalId,source,campaign,product,score,notes,contactFirstName,"
            + "contactLastName,contactEmail,contactPhone,contactTitle,accountName,accountDomain,accountIndustry,"
            + "accountCountry,accountRegion,accountEmployees,accountAnnualRevenue";

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired AccessProvisioning access;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void isolate() {
        fixtures.isolateFromEarlierTests();
    }

    @Test
    void aCrossSiteFormCannotAcceptALeadWithTheRepsCachedLogin() {
        String partner = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        ApiClient rep = ApiClient.as(port, fixtures.rep(partner), LeadFixtures.PASSWORD);
        long lead = fixtures.submit(fixtures.partnerLead("US"));
        engine.runDueJobs();
        String accept = "/api/leads/" + lead + "/accept";

        assertRefused(rep.send("POST", accept, "application/x-www-form-urlencoded", "note=hi"));
        assertRefused(rep.send("POST", accept, "text/plain;charset=UTF-8", "{}"));
        assertRefused(rep.send("POST", accept, "multipart/form-data; boundary=x", "--x--\r\n"));
        assertRefused(rep.send("POST", accept, null, null));
        assertRefused(rep.send("PUT", accept, "application/x-www-form-urlencoded", "note=hi"));
        assertThat(fixtures.lead(lead).status().name()).isEqualTo("OFFERED");

        Response fromAScript = rep.send("POST", accept, null, null, "X-Requested-With", "XMLHttpRequest");
        assertThat(fromAScript.status()).as(fromAScript.toString()).isEqualTo(200);
        assertThat(fixtures.lead(lead).status().name()).isEqualTo("ACCEPTED");
    }

    @Test
    void aCrossSiteUploadCannotImportLeads() {
        access.provisionUser("marketing", "Marketing", "System", "marketing@vendor.example", LeadFixtures.PASSWORD);
        ApiClient marketing = ApiClient.as(port, "marketing", LeadFixtures.PASSWORD);
        String source = "csrf-" + UUID.randomUUID().toString().substring(0, 8);
        String file = CSV_HEADER + "\r\n" + String.join(",", "x-1", source, "", "Cloud Platform", "70", "", "Pat",
                "Prospect", "pat@" + source + ".example", "", "", "Prospect Inc.", source + ".example", "Retail", "US",
                "", "250", "");
        String boundary = "cross-site";
        String form = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"leads.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + file + "\r\n--" + boundary + "--\r\n";

        assertRefused(marketing.send("POST", "/api/leads/import", "multipart/form-data; boundary=" + boundary, form));
        assertRefused(marketing.send("POST", "/api/leads/import", "text/plain", file));
        assertThat(leadsFrom(source)).isZero();

        Response script = marketing.send("POST", "/api/leads/import", "multipart/form-data; boundary=" + boundary, form,
                "X-Requested-With", "XMLHttpRequest");
        assertThat(script.status()).as(script.toString()).isEqualTo(200);
        assertThat(leadsFrom(source)).isEqualTo(1);
    }

    private long leadsFrom(String source) {
        return jdbc.sql("select count(*) from lead where source = :source").param("source", source).query(Long.class)
                .single();
    }

    private static void assertRefused(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("rule").asText()).isEqualTo("cross-site-request");
        assertThat(response.json().path("detail").asText()).contains("X-Requested-With");
    }
}
