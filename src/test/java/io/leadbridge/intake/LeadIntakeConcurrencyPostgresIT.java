package io.leadbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.ApiClient.Response;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.PostgresSession;
import io.leadbridge.support.PostgresTest;
import java.math.BigDecimal;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Leads of one company arriving while other transactions hold that company's rows, on PostgreSQL,
 * through HTTP as a marketing system sends them. The test's own session plays the other node.
 */
@PostgresTest
class LeadIntakeConcurrencyPostgresIT {

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired AccessProvisioning access;
    @Autowired JdbcClient jdbc;

    ApiClient marketing;
    ExecutorService marketingThread = Executors.newSingleThreadExecutor();

    @BeforeEach
    void marketingSystem() {
        fixtures.isolateFromEarlierTests();
        access.provisionUser("marketing", "Marketing", "System", "marketing@vendor.example", LeadFixtures.PASSWORD);
        marketing = ApiClient.as(port, "marketing", LeadFixtures.PASSWORD);
    }

    @AfterEach
    void stop() {
        marketingThread.shutdownNow();
    }

    @Test
    void aLeadWhoseTransactionLosesADeadlockIsRetriedAndReceived() throws Exception {
        LeadSubmission first = fixtures.partnerLead("US");
        assertThat(marketing.post("/api/leads", first).status()).isEqualTo(201);
        LeadSubmission second = sameCompanyNewFacts(first);

        try (PostgresSession otherNode = new PostgresSession()) {
            // The other node holds the contact; the intake changes the account, then waits for the contact.
            otherNode.execute("select id from contact where email = ? for update", first.contact().email());
            CompletableFuture<Response> received = CompletableFuture.supplyAsync(
                    () -> marketing.post("/api/leads", second), marketingThread);
            otherNode.awaitSessionsWaitingForALock(1);
            // Now the other node wants the account: a deadlock, which the intake (waiting longer) loses.
            otherNode.execute("update account set updated_at = updated_at where domain = ?",
                    first.account().domain());
            otherNode.rollback();

            Response answer = received.get(30, TimeUnit.SECONDS);

            assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        }
        assertThat(jdbc.sql("select employees from account where domain = :domain")
                .param("domain", first.account().domain()).query(Integer.class).single()).isEqualTo(999);
        assertThat(jdbc.sql("select count(*) from lead where external_id = :id")
                .param("id", second.externalId()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aLeadOfAKnownCompanyDoesNotWaitForATransactionThatRefersToTheCompany() throws Exception {
        LeadSubmission first = fixtures.partnerLead("US");
        assertThat(marketing.post("/api/leads", first).status()).isEqualTo(201);
        long accountId = jdbc.sql("select id from account where domain = :domain")
                .param("domain", first.account().domain()).query(Long.class).single();

        try (PostgresSession otherNode = new PostgresSession()) {
            // Another transaction stores something of this company (its foreign key share-locks the account).
            otherNode.execute("""
                    insert into contact (account_id, first_name, last_name, email, created_at, updated_at)
                    values (?, 'Other', 'Node', ?, now(), now())""", accountId,
                    "other." + UUID.randomUUID() + "@prospect.example");

            Response answer = CompletableFuture.supplyAsync(() -> marketing.post("/api/leads",
                    sameCompanyNewFacts(first)), marketingThread).get(15, TimeUnit.SECONDS);

            assertThat(answer.status()).as(answer.body()).isEqualTo(201);
            otherNode.rollback();
        }
    }

    /** Another lead of the same company and contact, with a new head count and a new title for the contact. */
    private static LeadSubmission sameCompanyNewFacts(LeadSubmission first) {
        var account = first.account();
        var contact = first.contact();
        return new LeadSubmission("again-" + first.externalId(), first.source(), first.campaign(), first.product(),
                first.score(),
                new LeadSubmission.Contact(contact.firstName(), contact.lastName(), contact.email(), contact.phone(),
                        "VP Engineering"),
                new LeadSubmission.Account(account.name(), account.domain(), account.industry(), account.country(),
                        999, BigDecimal.valueOf(99_900_000L)),
                first.notes());
    }
}
