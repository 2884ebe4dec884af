package io.leadbridge.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import io.leadbridge.lead.LeadEventLog;
import io.leadbridge.lead.LeadEventType;
import io.leadbridge.lead.LeadStatus;
import io.leadbridge.notification.NotificationRepository;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * A job outlives its lock (the node running it stalls): another node takes it over and runs it.
 * The shorter lock time (60 s) makes that more likely than the old 5 minutes, so this proves
 * that it is harmless: every job's effects are written in the job's own transaction, and the
 * engine's optimistic locking lets only one of the two runs commit.
 */
@LeadbridgeTest
class JobLockTakeOverTest {

    @MockitoSpyBean QualifyLeadDelegate qualify;
    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired ManagementService management;
    @Autowired LeadEventLog events;
    @Autowired NotificationRepository notifications;
    @Autowired CamundaBpmProperties camunda;

    @BeforeEach
    void isolate() {
        fixtures.isolateFromEarlierTests();
    }

    @AfterEach
    void resetClock() {
        engine.resetClock();
    }

    /** The starter gives it to the job executor, which tests leave off (they run jobs themselves). */
    @Test
    void jobsAreLockedForAMinuteNotFive() {
        assertThat(camunda.getJobExecution().getLockTimeInMillis()).isEqualTo(60_000);
    }

    @Test
    void aJobTakenOverAfterItsLockRanOutCommitsOnlyOnce() throws Exception {
        String partner = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        fixtures.rep(partner);
        long leadId = fixtures.submit(fixtures.partnerLead("US"));
        Job routing = management.createJobQuery().processInstanceId(fixtures.process(leadId).getId()).singleResult();

        CountDownLatch stalled = new CountDownLatch(1);
        CountDownLatch carryOn = new CountDownLatch(1);
        AtomicBoolean firstRun = new AtomicBoolean(true);
        doAnswer(call -> {
            if (firstRun.getAndSet(false)) {
                stalled.countDown();
                carryOn.await(30, TimeUnit.SECONDS);
            }
            return call.callRealMethod();
        }).when(qualify).execute(any(DelegateExecution.class));

        // The first node runs the job and stalls inside it, past its lock.
        CompletableFuture<Void> slowNode = CompletableFuture.runAsync(() -> management.executeJob(routing.getId()));
        assertThat(stalled.await(30, TimeUnit.SECONDS)).isTrue();
        // A second node acquires the job whose lock ran out, and runs it to the end.
        management.executeJob(routing.getId());
        assertThat(fixtures.lead(leadId).status()).isEqualTo(LeadStatus.OFFERED);

        carryOn.countDown();
        Throwable slowOutcome = slowNode.handle((done, failure) -> failure).get(30, TimeUnit.SECONDS);

        assertThat(slowOutcome).as("the stalled run cannot commit").isNotNull()
                .hasRootCauseInstanceOf(OptimisticLockingException.class);
        assertThat(events.count(leadId, LeadEventType.QUALIFIED)).isEqualTo(1);
        assertThat(events.count(leadId, LeadEventType.OFFERED)).isEqualTo(1);
        assertThat(notifications.forLead(leadId)).hasSize(2);
        assertThat(fixtures.lead(leadId).status()).isEqualTo(LeadStatus.OFFERED);
    }
}
