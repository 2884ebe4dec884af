package io.leadbridge.dealregistration;

import static io.leadbridge.dealregistration.DealRegistrationFixtures.newDomain;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.partner.PartnerTier;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.security.VendorGroups;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tasklist's "Start process" → "Deal registration" as it calls the engine
 * ({@code POST /engine-rest/process-definition/key/dealRegistration/submit-form}): the answer is
 * registered for the user's own partner with the API's checks, a 400 names the form's field, the
 * contact stays out of the process, and only partner users may start one.
 */
@LeadbridgeTest
class DealStartFormTest {

    private static final String SUBMIT = "/engine-rest/process-definition/key/dealRegistration/submit-form";

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired AccessProvisioning access;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired DealRegistrations registrations;
    @Autowired JdbcClient jdbc;

    private String alpha;
    private String beta;
    private ApiClient alphaRep;

    @BeforeEach
    void partners() {
        fixtures.isolateFromEarlierTests();
        alpha = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        alphaRep = ApiClient.as(port, fixtures.rep(alpha), LeadFixtures.PASSWORD);
        beta = fixtures.partner("beta", PartnerTier.SILVER, "DE");
    }

    @AfterEach
    void resetClock() {
        engine.resetClock();
    }

    @Test
    void aRepRegistersADealForItsOwnPartnerWhateverTheFormOrBusinessKeySay() {
        String domain = newDomain();
        Map<String, Object> answer = answer(domain);
        answer.put("partnerId", Map.of("value", beta));
        Map<String, Object> body = new HashMap<>(Map.of("variables", answer));
        body.put("businessKey", "1");

        ApiClient.Response started = alphaRep.post(SUBMIT, body);

        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        ProcessInstance process = runtime.createProcessInstanceQuery().processInstanceId(started.json()
                .path("id").asText()).singleResult();
        long id = Long.parseLong(process.getBusinessKey());
        DealRegistration deal = registrations.get(id);
        assertThat(deal.partnerId()).as("the user's partner, not the form's").isEqualTo(alpha);
        assertThat(deal.accountDomain()).isEqualTo(domain);
        assertThat(deal.products()).containsExactly("Cloud Platform", "Security");
        assertThat(deal.amount()).isEqualByComparingTo("100000");
        assertThat(deal.status()).isEqualTo(DealStatus.APPROVED);
        assertThat(runtime.getVariable(process.getId(), "partnerId")).isEqualTo(alpha);
        assertThat(runtime.getVariables(process.getId())).as("the contact stays in the application's tables")
                .doesNotContainKeys("contactEmail", "contactFirstName", "contactLastName", "accountDomain");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(process.getId())
                .variableNameIn("contactEmail", "contactFirstName", "contactLastName", "contactPhone", "contactTitle")
                .count()).as("no personal data in the engine's history").isZero();
        assertThat(jdbc.sql("select count(*) from contact where email = :e").param("e", "cleo@" + domain)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aBrokenAnswerIsA400NamingTheFormsFieldAndRegistersNothing() {
        long before = jdbc.sql("select count(*) from deal_registration").query(Long.class).single();

        Map<String, Object> noDomain = answer(newDomain());
        noDomain.remove("accountDomain");
        assertRefused(alphaRep.post(SUBMIT, Map.of("variables", noDomain)), "accountDomain");
        Map<String, Object> badMail = answer(newDomain());
        badMail.put("contactEmail", Map.of("value", "not-an-address"));
        assertRefused(alphaRep.post(SUBMIT, Map.of("variables", badMail)), "contactEmail");
        Map<String, Object> past = answer(newDomain());
        past.put("dealCloseDate", Map.of("value", "2001-01-01"));
        assertRefused(alphaRep.post(SUBMIT, Map.of("variables", past)), "dealCloseDate");
        Map<String, Object> notAnAmount = answer(newDomain());
        notAnAmount.put("dealAmount", Map.of("value", "a lot"));
        assertRefused(alphaRep.post(SUBMIT, Map.of("variables", notAnAmount)), "dealAmount");
        Map<String, Object> country = answer(newDomain());
        country.put("accountCountry", Map.of("value", "XX"));
        assertRefused(alphaRep.post(SUBMIT, Map.of("variables", country)), "accountCountry");

        assertThat(jdbc.sql("select count(*) from deal_registration").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void onlyPartnerUsersStartARegistration() {
        access.provisionUser("carol", "Carol", "Channel", "carol@vendor.example", LeadFixtures.PASSWORD,
                VendorGroups.CHANNEL_MANAGERS);
        ApiClient.Response vendor = ApiClient.as(port, "carol", LeadFixtures.PASSWORD).post(SUBMIT,
                Map.of("variables", answer(newDomain())));
        assertThat(vendor.status()).as(vendor.toString()).isEqualTo(403);
        assertThat(ApiClient.anonymous(port).post(SUBMIT, Map.of("variables", answer(newDomain()))).status())
                .isEqualTo(401);
    }

    private static void assertRefused(ApiClient.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.body()).contains(field);
    }

    private static Map<String, Object> answer(String domain) {
        Map<String, Object> answer = new HashMap<>();
        answer.put("accountName", Map.of("value", "Customer " + domain));
        answer.put("accountDomain", Map.of("value", domain));
        answer.put("accountCountry", Map.of("value", "US"));
        answer.put("contactFirstName", Map.of("value", "Cleo"));
        answer.put("contactLastName", Map.of("value", "Customer"));
        answer.put("contactEmail", Map.of("value", "cleo@" + domain));
        answer.put("dealProducts", Map.of("value", "Cloud Platform, Security"));
        answer.put("dealAmount", Map.of("value", 100000));
        answer.put("dealCurrency", Map.of("value", "EUR"));
        answer.put("dealCloseDate", Map.of("value", LocalDate.now().plusMonths(3).toString()));
        answer.put("foundHow", Map.of("value", "met the CIO at a trade fair"));
        return answer;
    }
}
