package io.leadbridge.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.partner.PartnerRole;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.support.Chromium;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import io.leadbridge.support.PartnerPeople;
import java.io.IOException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A partner's lead manager in Tasklist (issue 14), typed and clicked as a person does: its filters
 * "Team offers" and "Unassigned offers" show its partner's offer that no rep could be given, and
 * nothing of another partner's; it claims the offer and gives it to one of its reps, who then finds it
 * under "My offers". Screenshots: {@code target/webapp-screenshots/}.
 */
@LeadbridgeTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisabledIfSystemProperty(named = "skip.browser.tests", matches = "true",
        disabledReason = "-Dskip.browser.tests=true: the webapps' browser tests are skipped")
class ManagerTasklistBrowserIT {

    private static final String TEAM_OFFERS = "Team offers";
    private static final String UNASSIGNED = "Unassigned offers";
    private static final String MY_OFFERS = "My offers";

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired PartnerPeople people;
    @Autowired EngineDriver engine;
    @Autowired TaskService tasks;

    private String manager;
    private String rep;
    private long harborLead;
    private String harborOffer;
    private String summitOffer;

    @BeforeAll
    void browserInstalled() {
        Chromium.assertInstalled("ManagerTasklistBrowserIT");
    }

    /**
     * Harbor (US) has a lead manager and a rep without a profile: the rotation finds no rep, so its offer
     * goes to the managers, unassigned. Summit (DE) holds an offer of its own.
     */
    @BeforeEach
    void anUnassignedOfferOfHarborAndAnOfferOfSummit() {
        fixtures.isolateFromEarlierTests();
        String harbor = fixtures.partner("harbor", PartnerTier.GOLD, "US");
        String summit = fixtures.partner("summit", PartnerTier.GOLD, "DE");
        manager = people.person(harbor, "mgr", PartnerRole.LEAD_MANAGER);
        rep = people.person(harbor, "rep", PartnerRole.REP);
        people.person(summit, "mgr", PartnerRole.LEAD_MANAGER);
        fixtures.rep(summit);
        var harborSubmission = fixtures.partnerLead("US");
        var summitSubmission = fixtures.partnerLead("DE");
        harborLead = fixtures.submit(harborSubmission);
        long summitLead = fixtures.submit(summitSubmission);
        engine.runDueJobs();
        assertThat(fixtures.lead(harborLead).partnerId()).isEqualTo(harbor);
        assertThat(fixtures.lead(summitLead).partnerId()).isEqualTo(summit);
        assertThat(offerTask().getAssignee()).as("no rep matched: the managers dispatch").isNull();
        harborOffer = "Accept or decline lead: " + harborSubmission.account().name() + " (Cloud Platform)";
        summitOffer = "Accept or decline lead: " + summitSubmission.account().name() + " (Cloud Platform)";
    }

    @Test
    void aLeadManagerSeesItsPartnersUnassignedOfferAndGivesItToARepWhoFindsItUnderMyOffers() throws IOException {
        try (TasklistPage tasklist = TasklistPage.open(port)) {
            tasklist.logInAndWait(manager, LeadFixtures.PASSWORD);

            assertThat(tasklist.filters()).contains(TEAM_OFFERS, UNASSIGNED, "Team leads", MY_OFFERS);
            tasklist.chooseFilter(TEAM_OFFERS);
            assertThat(tasklist.tasks()).containsExactly(harborOffer);
            tasklist.chooseFilter(UNASSIGNED);
            assertThat(tasklist.tasks()).containsExactly(harborOffer);
            assertThat(tasklist.source()).doesNotContain(summitOffer);
            tasklist.screenshot("tasklist-manager-01-unassigned-offers");

            tasklist.openTask(harborOffer);
            tasklist.claim();
            tasklist.assignTo(rep);
            tasklist.screenshot("tasklist-manager-02-given-to-a-rep");
        }
        assertThat(offerTask().getAssignee()).isEqualTo(rep);

        try (TasklistPage tasklist = TasklistPage.open(port)) {
            tasklist.logInAndWait(rep, LeadFixtures.PASSWORD);

            tasklist.chooseFilter(MY_OFFERS);
            assertThat(tasklist.tasks()).containsExactly(harborOffer);
            tasklist.screenshot("tasklist-manager-03-rep-my-offers");
        }
    }

    private Task offerTask() {
        return tasks.createTaskQuery().processInstanceBusinessKey(Long.toString(harborLead))
                .taskDefinitionKey("Task_AcceptLead").singleResult();
    }
}
