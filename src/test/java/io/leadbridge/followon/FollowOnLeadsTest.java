package io.leadbridge.followon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.lead.Lead;
import io.leadbridge.lead.LeadEventLog;
import io.leadbridge.lead.LeadEventType;
import io.leadbridge.partner.PartnerStatus;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.security.VendorGroups;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Follow-on leads on the engine's clock: a mid-market customer wins "Cloud Platform"; the follow-on
 * table offers "Security Suite" six months after the win with the winning partner protected for 90
 * days. Before that nothing is created; when it is due the lead appears once, goes to the winner's
 * rep and says why; a winner no longer active, or suspended, leaves it to the rules and the timeline
 * says so.
 */
@LeadbridgeTest
class FollowOnLeadsTest {

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired AccessProvisioning access;
    @Autowired LeadEventLog events;
    @Autowired FollowOnLeads followOns;
    @Autowired JdbcClient jdbc;

    private String winner;
    private String winningRep;
    private ApiClient rep;
    private ApiClient carol;
    private long wonLeadId;
    private long accountId;
    private final List<String> rivals = new ArrayList<>();

    @BeforeEach
    void aWonCloudPlatform() {
        fixtures.isolateFromEarlierTests();
        access.provisionUser("carol", "Carol", "Channel", "carol@vendor.example", LeadFixtures.PASSWORD,
                VendorGroups.CHANNEL_MANAGERS);
        carol = ApiClient.as(port, "carol", LeadFixtures.PASSWORD);
        winner = fixtures.partner("winner", PartnerTier.GOLD, "US");
        winningRep = fixtures.rep(winner);
        rep = ApiClient.as(port, winningRep, LeadFixtures.PASSWORD);
        wonLeadId = fixtures.submit(fixtures.partnerLead("US"));
        engine.runDueJobs();
        String lead = "/api/leads/" + wonLeadId;
        assertThat(rep.post(lead + "/accept", "{}").status()).isEqualTo(200);
        LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
        assertThat(rep.post(lead + "/opportunity", Map.of("amount", 48000, "currency", "EUR",
                "expectedCloseDate", today.plusDays(30).toString(), "products", List.of("Cloud Platform")))
                .status()).isEqualTo(201);
        assertThat(rep.post(lead + "/close", Map.of("outcome", "WON", "amount", 50000, "note", "signed"))
                .status()).isEqualTo(200);
        engine.runDueJobs();
        accountId = fixtures.lead(wonLeadId).accountId();
        // Once the account is won, others compete for the rules' leads in the same country.
        rivals.clear();
        for (int i = 0; i < 3; i++) {
            rivals.add(fixtures.partner("rival", PartnerTier.PLATINUM, "US"));
        }
    }

    @AfterEach
    void resetClock() {
        engine.resetClock();
    }

    @Test
    void theFollowOnLeadAppearsOnceWhenDueAndGoesToTheWinnerWithTheReason() {
        engine.passTimeWithoutJobs(Duration.ofDays(150));
        assertThat(followOns.createDue()).as("five months after the win: not due yet").isEmpty();
        assertThat(followOnLeadsOfTheAccount()).isEmpty();

        engine.passTimeWithoutJobs(Duration.ofDays(40));
        List<Long> created = followOns.createDue();
        assertThat(followOnLeadsOfTheAccount()).hasSize(1);
        long followOnId = followOnLeadsOfTheAccount().get(0);
        assertThat(created).contains(followOnId);
        assertThat(followOns.createDue()).as("checked again the same day").doesNotContain(followOnId);
        engine.passTimeWithoutJobs(Duration.ofDays(1));
        assertThat(followOns.createDue()).as("checked again the next day").doesNotContain(followOnId);
        assertThat(followOnLeadsOfTheAccount()).hasSize(1);
        engine.runDueJobs();

        Lead followOn = fixtures.lead(followOnId);
        assertThat(followOn.product()).isEqualTo("Security Suite");
        assertThat(followOn.source()).isEqualTo(FollowOnLeads.SOURCE);
        assertThat(followOn.campaign()).isEqualTo(FollowOnLeads.SOURCE);
        assertThat(followOn.contactId()).isEqualTo(fixtures.lead(wonLeadId).contactId());
        assertThat(followOn.partnerId()).isEqualTo(winner);
        assertThat(followOn.repUsername()).isEqualTo(winningRep);
        assertThat(followOn.protectedAccount()).isTrue();
        assertThat(events.latest(followOnId, LeadEventType.ACCOUNT_PROTECTED, winner))
                .hasValueSatisfying(e -> assertThat(e.detail())
                        .startsWith("follow-on of won lead " + wonLeadId + " (Cloud Platform bought)")
                        .contains("protected on Security Suite until"));

        JsonNode partnerView = rep.get("/api/leads/" + followOnId + "/routing").json();
        assertThat(partnerView.path("offers").get(0).path("why").asText())
                .startsWith("Your company won this account: a follow-on of that win is protected");
        JsonNode vendorView = carol.get("/api/leads/" + followOnId + "/routing").json();
        assertThat(vendorView.path("decisions").get(0).path("method").asText()).isEqualTo("FOLLOW_ON_WINNER");
        assertThat(vendorView.path("decisions").get(0).path("winner").asText()).isEqualTo(winner);

        JsonNode asLead = rep.get("/api/leads/" + followOnId).json();
        assertThat(asLead.path("followOn").path("wonLeadId").asLong()).isEqualTo(wonLeadId);
        assertThat(asLead.path("followOn").path("productBought").asText()).isEqualTo("Cloud Platform");
        assertThat(asLead.path("followOn").path("product").asText()).isEqualTo("Security Suite");
        assertThat(asLead.path("followOn").path("winningPartnerId").asText()).isEqualTo(winner);
        assertThat(rep.get("/api/leads/" + wonLeadId).json().has("followOn")).as("the win itself").isFalse();

        JsonNode account = carol.get("/api/accounts/" + accountId).json();
        JsonNode line = lineOf(account, followOnId);
        assertThat(line.path("followOn").asBoolean()).isTrue();
        assertThat(line.path("followOnOf").path("wonLeadId").asLong()).isEqualTo(wonLeadId);
        assertThat(line.path("followOnOf").path("productBought").asText()).isEqualTo("Cloud Platform");
        assertThat(line.path("followOnOf").path("winningPartnerId").asText()).isEqualTo(winner);
        assertThat(lineOf(account, wonLeadId).path("followOn").asBoolean()).isFalse();
        assertThat(account.path("buyAgain").get(0).path("followOnLeadId").asLong()).isEqualTo(followOnId);
        JsonNode forTheWinner = rep.get("/api/accounts/" + accountId).json();
        assertThat(lineOf(forTheWinner, followOnId).path("followOn").asBoolean()).isTrue();
    }

    @Test
    void anotherLeadOfTheAccountForTheFollowOnProductGoesToTheWinnerWhileProtected() {
        engine.passTimeWithoutJobs(Duration.ofDays(190));
        followOns.createDue();
        engine.runDueJobs();
        String domain = jdbc.sql("select domain from account where id = :id").param("id", accountId)
                .query(String.class).single();

        long another = fixtures.submit(withDomain(fixtures.lead("US", 70, 250, "Security Suite", "Retail"), domain));
        engine.runDueJobs();
        assertThat(fixtures.lead(another).partnerId()).isEqualTo(winner);

        engine.passTimeWithoutJobs(Duration.ofDays(91));
        long afterProtection = fixtures.submit(withDomain(fixtures.lead("US", 70, 250, "Security Suite", "Retail"),
                domain));
        engine.runDueJobs();
        assertThat(fixtures.lead(afterProtection).protectedAccount()).as("90 days of protection are over").isFalse();
    }

    @Test
    void aWinnerNoLongerActiveLeavesTheFollowOnToTheRulesAndSaysWhy() {
        fixtures.partnerStatus(PartnerStatus.INACTIVE, List.of(winner));
        engine.passTimeWithoutJobs(Duration.ofDays(190));

        followOns.createDue();
        assertThat(followOnLeadsOfTheAccount()).hasSize(1);
        long followOnId = followOnLeadsOfTheAccount().get(0);
        engine.runDueJobs();

        Lead followOn = fixtures.lead(followOnId);
        assertThat(followOn.protectedAccount()).isFalse();
        assertThat(followOn.partnerId()).isIn(rivals);
        assertThat(events.latest(followOnId, LeadEventType.ACCOUNT_PROTECTED, winner))
                .hasValueSatisfying(e -> assertThat(e.detail()).contains("but partner " + winner + " is inactive;"
                        + " the distribution rules choose instead"));
        JsonNode vendorView = carol.get("/api/leads/" + followOnId + "/routing").json();
        assertThat(vendorView.path("decisions").get(0).path("method").asText()).isEqualTo("RULES");
        ApiClient rivalRep = ApiClient.as(port, fixtures.rep(followOn.partnerId()), LeadFixtures.PASSWORD);
        JsonNode asLead = rivalRep.get("/api/leads/" + followOnId).json();
        assertThat(asLead.path("followOn").path("wonLeadId").asLong()).isEqualTo(wonLeadId);
        assertThat(asLead.path("followOn").has("winningPartnerId")).as("another partner's win is not named")
                .isFalse();
        JsonNode account = rivalRep.get("/api/accounts/" + accountId).json();
        assertThat(account.toString()).doesNotContain(winner);
        assertThat(lineOf(account, followOnId).path("followOn").asBoolean()).isTrue();
    }

    @Test
    void aSuspendedWinnerLeavesTheFollowOnToTheRulesAndSaysWhy() {
        jdbc.sql("insert into partner_standing (partner_id, standing, since, updated_at)"
                        + " values (:p, 'SUSPENDED', :t, :t)")
                .param("p", winner).param("t", java.sql.Timestamp.from(ClockUtil.getCurrentTime().toInstant()))
                .update();
        // The routing nodes reread the partner directory, as after a channel manager's change.
        fixtures.partnerStatus(PartnerStatus.ACTIVE, List.of(winner));
        engine.passTimeWithoutJobs(Duration.ofDays(190));

        followOns.createDue();
        long followOnId = followOnLeadsOfTheAccount().get(0);
        engine.runDueJobs();

        Lead followOn = fixtures.lead(followOnId);
        assertThat(followOn.protectedAccount()).isFalse();
        assertThat(followOn.partnerId()).isIn(rivals);
        assertThat(events.latest(followOnId, LeadEventType.ACCOUNT_PROTECTED, winner))
                .hasValueSatisfying(e -> assertThat(e.detail()).contains("but partner " + winner + " is suspended;"
                        + " the distribution rules choose instead"));
    }

    private List<Long> followOnLeadsOfTheAccount() {
        return jdbc.sql("select id from lead where account_id = :account and source = :source order by id")
                .param("account", accountId).param("source", FollowOnLeads.SOURCE).query(Long.class).list();
    }

    private static JsonNode lineOf(JsonNode account, long leadId) {
        for (JsonNode line : account.path("leads")) {
            if (line.path("id").asLong() == leadId) {
                return line;
            }
        }
        throw new AssertionError("lead " + leadId + " is not on the account page: " + account);
    }

    private static io.leadbridge.intake.LeadSubmission withDomain(io.leadbridge.intake.LeadSubmission s,
            String domain) {
        var a = s.account();
        return new io.leadbridge.intake.LeadSubmission(s.externalId(), s.source(), s.campaign(), s.product(),
                s.score(), s.contact(), new io.leadbridge.intake.LeadSubmission.Account(a.name(), domain,
                        a.industry(), a.country(), a.employees(), a.annualRevenue()), s.notes());
    }
}
