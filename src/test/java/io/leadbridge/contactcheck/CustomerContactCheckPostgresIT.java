package io.leadbridge.contactcheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.lead.LeadEvent;
import io.leadbridge.lead.LeadEventLog;
import io.leadbridge.lead.LeadEventType;
import io.leadbridge.lifecycle.LeadActions;
import io.leadbridge.notification.NotificationRepository;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.PostgresSession;
import io.leadbridge.support.PostgresTest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The customer contact check on PostgreSQL: scheduled at acceptance, asked when due, answered
 * once over HTTP without a login (the answer locks the check's row), and the opt-out on the contact.
 */
@PostgresTest
class CustomerContactCheckPostgresIT {

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired LeadActions leadActions;
    @Autowired ContactCheckRepository checks;
    @Autowired NotificationRepository notifications;
    @Autowired LeadEventLog events;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        engine.resetClock();
    }

    @Test
    void theCustomerAnswersNoOnceAndOptsOut() {
        assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
        ContactCheckScenario scenario = new ContactCheckScenario(fixtures, engine, leadActions, checks, notifications,
                runtime, history).customerAsked();
        CustomerBrowser browser = new CustomerBrowser(port);
        String page = scenario.pagePath();

        assertThat(browser.get(page).status()).isEqualTo(200);
        assertThat(browser.post(page, "answer=no").status()).isEqualTo(200);
        assertThat(browser.post(page, "answer=yes").status()).isEqualTo(409);
        engine.runDueJobs();
        assertThat(browser.post(page + "/opt-out", "").status()).isEqualTo(200);

        ContactCheck check = scenario.check();
        assertThat(check.status()).isEqualTo(ContactCheckStatus.DENIED);
        assertThat(check.answer()).isEqualTo(CustomerAnswer.NO);
        assertThat(checks.optedOut(check.contactId())).isTrue();
        assertThat(jdbc.sql("select kind from partner_strike where lead_id = :leadId")
                .param("leadId", scenario.leadId).query(String.class).list()).containsExactly("CUSTOMER_NOT_CONTACTED");
        assertThat(events.timeline(scenario.leadId)).extracting(LeadEvent::type).filteredOn(LeadEventType::isCustomerCheck)
                .containsExactly(LeadEventType.CUSTOMER_CHECK_SENT, LeadEventType.CUSTOMER_DENIED_CONTACT,
                        LeadEventType.CUSTOMER_OPTED_OUT);
    }

    @Test
    void anOptOutWhoseTransactionLosesADeadlockIsRunAgainAndRecordedOnce() throws Exception {
        ContactCheckScenario scenario = new ContactCheckScenario(fixtures, engine, leadActions, checks, notifications,
                runtime, history).customerAsked();
        CustomerBrowser browser = new CustomerBrowser(port);
        String checkId = scenario.check().id();

        try (PostgresSession otherNode = new PostgresSession()) {
            // The other transaction keeps new lead events out; the opt-out locks the check, then waits.
            otherNode.execute("lock table lead_event in share mode");
            CompletableFuture<CustomerBrowser.Page> optedOut = CompletableFuture.supplyAsync(
                    () -> browser.post(scenario.pagePath() + "/opt-out", ""));
            otherNode.awaitSessionsWaitingForALock(1);
            // Now it wants the check: a deadlock, which the opt-out (waiting longer) loses.
            otherNode.execute("select id from contact_check where id = ? for update", checkId);
            otherNode.rollback();

            CustomerBrowser.Page answer = optedOut.get(30, TimeUnit.SECONDS);

            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        }
        assertThat(checks.optedOut(scenario.check().contactId())).isTrue();
        assertThat(events.timeline(scenario.leadId)).extracting(LeadEvent::type)
                .filteredOn(type -> type == LeadEventType.CUSTOMER_OPTED_OUT).hasSize(1);
    }
}
