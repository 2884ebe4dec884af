package io.leadbridge.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.intake.LeadSubmission;
import io.leadbridge.lead.LeadStatus;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.Chromium;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.io.IOException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist in a real browser (Debian's headless Chromium), the way a partner's rep meets it every
 * day: the login page typed into and clicked, the filter the application created, the offer and
 * its Camunda Form, Claim, "Accept the lead", Complete. The lead is then ACCEPTED in {@code /api};
 * the other partner's rep sees nothing of it. Screenshots: {@code target/webapp-screenshots/}.
 *
 * <p>Without Chromium and chromedriver the test fails and says how to install them; a developer
 * can skip it with {@code -Dskip.browser.tests=true}.
 */
@LeadbridgeTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisabledIfSystemProperty(named = "skip.browser.tests", matches = "true",
        disabledReason = "-Dskip.browser.tests=true: the webapps' browser tests are skipped")
class TasklistBrowserIT {

    private static final String OFFERS = "Offers for my partner";

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;

    private String harborRep;
    private String summitRep;
    private long lead;
    private String company;
    private LeadSubmission.Contact contact;
    private String offer;

    @BeforeAll
    void browserInstalled() {
        Chromium.assertInstalled("TasklistBrowserIT");
    }

    /** Two partners; a lead from the US is offered to Harbor, which covers the US; Summit covers Germany. */
    @BeforeEach
    void aLeadOfferedToHarbor() {
        fixtures.isolateFromEarlierTests();
        String harbor = fixtures.partner("harbor", PartnerTier.GOLD, "US");
        String summit = fixtures.partner("summit", PartnerTier.GOLD, "DE");
        harborRep = fixtures.rep(harbor);
        summitRep = fixtures.rep(summit);
        LeadSubmission submission = fixtures.partnerLead("US");
        lead = fixtures.submit(submission);
        engine.runDueJobs();
        assertThat(fixtures.lead(lead).partnerId()).isEqualTo(harbor);
        company = submission.account().name();
        contact = submission.contact();
        offer = "Accept or decline lead: " + company + " (Cloud Platform)";
    }

    @Test
    void aRepLogsInByTypingAndClickingSeesItsPartnersOfferAndAcceptsItThroughTheForm() throws IOException {
        try (TasklistPage tasklist = TasklistPage.open(port)) {
            tasklist.screenshot("tasklist-01-login");

            tasklist.logInAndWait(harborRep, LeadFixtures.PASSWORD);

            assertThat(tasklist.filters()).containsExactly(OFFERS, "My offers", "My leads");
            tasklist.chooseFilter(OFFERS);
            assertThat(tasklist.tasks()).containsExactly(offer);
            tasklist.screenshot("tasklist-02-rep-offers");

            tasklist.openTask(offer);

            assertThat(tasklist.field("Company")).isEqualTo(company);
            assertThat(tasklist.field("Country")).isEqualTo("US");
            assertThat(tasklist.field("Industry")).isEqualTo("Retail");
            assertThat(tasklist.field("Product")).isEqualTo("Cloud Platform");
            assertThat(tasklist.field("Segment")).isEqualTo("MID_MARKET");
            assertThat(tasklist.field("Grade")).isEqualTo("B");
            assertThat(tasklist.field("Campaign")).isEqualTo("autumn-launch");
            tasklist.screenshot("tasklist-03-rep-offer-form");

            tasklist.claim();
            tasklist.choose("Your answer", "Accept the lead");
            tasklist.screenshot("tasklist-04-rep-accepts");
            tasklist.complete();
            tasklist.screenshot("tasklist-05-rep-accepted");
            engine.runDueJobs();

            ApiClient.Response accepted = ApiClient.as(port, harborRep, LeadFixtures.PASSWORD)
                    .get("/api/leads/" + lead);
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
            assertThat(accepted.json().path("status").asText()).isEqualTo("ACCEPTED");
            assertThat(accepted.json().path("repUsername").asText()).isEqualTo(harborRep);

            // The prospect's contact person is no process variable: the form shows it from the lead's record.
            String contactTask = tasks.createTaskQuery().processInstanceBusinessKey(Long.toString(lead))
                    .taskDefinitionKey("Task_ContactProspect").singleResult().getName();
            tasklist.chooseFilter("My leads");
            assertThat(tasklist.tasks()).containsExactly(contactTask);
            tasklist.openTask(contactTask);
            assertThat(tasklist.field("Contact")).isEqualTo(contact.firstName() + " " + contact.lastName());
            assertThat(tasklist.field("E-mail")).isEqualTo(contact.email());
            assertThat(tasklist.field("Phone")).isEqualTo(contact.phone());
            assertThat(tasklist.field("Title")).isEqualTo(contact.title());
            tasklist.select("What happened?", "Contacted: we are talking");
            tasklist.screenshot("tasklist-06-rep-contacted-the-prospect");
            tasklist.closeNotifications();
            tasklist.complete();
        }
        engine.runDueJobs();
        assertThat(fixtures.lead(lead).status()).as("the contact form, sent back with its read-only facts")
                .isEqualTo(LeadStatus.CONTACTED);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(fixtures.process(lead).getId())
                .variableNameIn("contactName", "contactEmail", "contactPhone", "contactTitle").count())
                .as("no personal data in the engine's history").isZero();
    }

    @Test
    void theOtherPartnersRepLogsInAndSeesNothingOfTheOfferNotEvenAtItsAddress() throws IOException {
        String task = tasks.createTaskQuery().processInstanceBusinessKey(Long.toString(lead)).singleResult().getId();
        try (TasklistPage tasklist = TasklistPage.open(port)) {
            tasklist.logInAndWait(summitRep, LeadFixtures.PASSWORD);

            assertThat(tasklist.filters()).containsExactly(OFFERS, "My offers", "My leads");
            for (String filter : tasklist.filters()) {
                tasklist.chooseFilter(filter);
                assertThat(tasklist.tasks()).as(filter).isEmpty();
                assertThat(tasklist.saysNoTaskMatches()).as(filter).isTrue();
            }
            tasklist.screenshot("tasklist-07-other-partners-rep");
            assertThat(tasklist.source()).doesNotContain(company).doesNotContain(offer);

            tasklist.goToTask(task);

            assertThat(tasklist.saysTheTaskDoesNotExist()).isTrue();
            tasklist.screenshot("tasklist-08-other-partners-rep-at-the-offers-address");
            assertThat(tasklist.source()).doesNotContain(company).doesNotContain(offer);
        }
        assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).as("nobody claimed it").isNull();
    }
}
