package io.leadbridge.dealregistration;

import static io.leadbridge.dealregistration.DealRegistrationFixtures.body;
import static io.leadbridge.dealregistration.DealRegistrationFixtures.newDomain;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.intake.LeadSubmission;
import io.leadbridge.lead.Lead;
import io.leadbridge.lead.LeadEventLog;
import io.leadbridge.lead.LeadEventType;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.security.VendorGroups;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Account protection reads approved deal registrations: a lead from a registered account and
 * product goes to the registering partner and its rep, and the routing explanation says why;
 * other products and ended registrations leave the account to the rules.
 */
@LeadbridgeTest
class RegisteredAccountRoutingTest {

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired AccessProvisioning access;
    @Autowired LeadEventLog events;

    private String registering;
    private String registeringRep;
    private ApiClient rep;
    private ApiClient carol;
    private String domain;

    @BeforeEach
    void anApprovedRegistration() {
        fixtures.isolateFromEarlierTests();
        access.provisionUser("carol", "Carol", "Channel", "carol@vendor.example", LeadFixtures.PASSWORD,
                VendorGroups.CHANNEL_MANAGERS);
        carol = ApiClient.as(port, "carol", LeadFixtures.PASSWORD);
        registering = fixtures.partner("gold", PartnerTier.GOLD, "US");
        registeringRep = fixtures.rep(registering);
        rep = ApiClient.as(port, registeringRep, LeadFixtures.PASSWORD);
        for (int i = 0; i < 3; i++) {
            fixtures.partner("rival", PartnerTier.PLATINUM, "US");
        }
        domain = newDomain();
        ApiClient.Response registered = rep.post("/api/deals", body(domain, "Cloud Platform", 100000));
        assertThat(registered.json().path("status").asText()).as(registered.toString()).isEqualTo("APPROVED");
        engine.runDueJobs();
    }

    @AfterEach
    void resetClock() {
        engine.resetClock();
    }

    @Test
    void aLeadFromTheRegisteredAccountGoesToTheRegisteringPartnerAndSaysWhy() {
        long leadId = submitLead("Cloud Platform");

        Lead lead = fixtures.lead(leadId);
        assertThat(lead.partnerId()).isEqualTo(registering);
        assertThat(lead.repUsername()).isEqualTo(registeringRep);
        assertThat(lead.protectedAccount()).isTrue();
        assertThat(events.latest(leadId, LeadEventType.ACCOUNT_PROTECTED, registering))
                .hasValueSatisfying(e -> assertThat(e.detail()).startsWith("approved deal registration "));

        JsonNode partnerView = rep.get("/api/leads/" + leadId + "/routing").json();
        assertThat(partnerView.path("offers").get(0).path("why").asText())
                .isEqualTo("Your company's approved deal registration protects it on this account for this product.");
        JsonNode vendorView = carol.get("/api/leads/" + leadId + "/routing").json();
        assertThat(vendorView.path("decisions").get(0).path("method").asText()).isEqualTo("REGISTERED_DEAL");
        assertThat(vendorView.path("decisions").get(0).path("winner").asText()).isEqualTo(registering);
    }

    @Test
    void aLeadForAnotherProductOfTheAccountIsLeftToTheRules() {
        long leadId = submitLead("Security");

        assertThat(fixtures.lead(leadId).protectedAccount()).isFalse();
        JsonNode vendorView = carol.get("/api/leads/" + leadId + "/routing").json();
        assertThat(vendorView.path("decisions").get(0).path("method").asText()).isEqualTo("RULES");
    }

    @Test
    void aLeadAfterTheProtectionEndedIsLeftToTheRules() {
        engine.passTime(Duration.ofDays(31));

        long leadId = submitLead("Cloud Platform");

        assertThat(fixtures.lead(leadId).protectedAccount()).isFalse();
        assertThat(events.latest(leadId, LeadEventType.ACCOUNT_PROTECTED, registering)).isEmpty();
    }

    private long submitLead(String product) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        long leadId = fixtures.submit(new LeadSubmission("ext-" + unique, "web-form", "autumn-launch", product, 70,
                new LeadSubmission.Contact("Pat", "Prospect", "pat." + unique + "@" + domain, "+1 555 0100", "CTO"),
                new LeadSubmission.Account("Customer " + domain, domain, "Retail", "US", 250,
                        BigDecimal.valueOf(25_000_000L)),
                "asked for a demo"));
        engine.runDueJobs();
        return leadId;
    }
}
