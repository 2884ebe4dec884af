package io.leadbridge.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.campaign.Campaigns;
import io.leadbridge.partner.PartnerService;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.support.CsvRows;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard in a real browser (Debian's headless Chromium through chromedriver) against the
 * running application with {@link DashboardFixture}'s four weeks of two partners: a channel
 * manager logs in, sees both partners, narrows the figures with the filters and downloads a CSV;
 * a partner's rep sees its own partner's figures and nothing of the other partner's, whatever the
 * address says. Screenshots go to {@code target/dashboard-screenshots/} for a person to look at.
 *
 * <p>Without Chromium and chromedriver the test fails and says how to install them; a developer
 * can skip it with {@code -Dskip.browser.tests=true}.
 */
@LeadbridgeTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisabledIfSystemProperty(named = "skip.browser.tests", matches = "true",
        disabledReason = "-Dskip.browser.tests=true: the dashboard's browser test is skipped")
class DashboardBrowserIT {

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired PartnerService partners;
    @Autowired Campaigns campaigns;
    @Autowired AccessProvisioning access;
    @Autowired TaskService tasks;

    private DashboardFixture f;

    @BeforeAll
    void fourWeeksOfTwoPartners() {
        DashboardPage.assertBrowserInstalled();
        f = new DashboardFixture(port, fixtures, engine, partners, campaigns, access);
    }

    @AfterAll
    void resetClock() {
        engine.resetClock();
    }

    @Test
    void aChannelManagerSeesBothPartnersNarrowsTheFiguresWithFiltersAndDownloadsACsv() throws IOException {
        try (DashboardPage page = DashboardPage.open(port)) {
            page.screenshot("01-login");
            page.logIn(f.carol, "not-the-password");
            assertThat(page.loginRefusal()).startsWith("Wrong username or password.");
            assertThat(page.storedItems()).as("a refused login is not kept").isZero();
            // Camunda holds a user back for a few seconds after a wrong password, by the engine's clock.
            engine.passTimeWithoutJobs(Duration.ofSeconds(10));

            page.logInAndWait(f.carol, LeadFixtures.PASSWORD);

            assertThat(page.text("who-name")).isEqualTo("Carol Channel");
            assertThat(page.text("who-role")).isEqualTo("Channel manager");
            assertThat(page.has("f-partner")).isTrue();
            List<List<String>> byPartner = page.table("pipeline-table");
            assertThat(byPartner).extracting(row -> row.subList(0, 2))
                    .contains(List.of("Harbor Networks", "4"), List.of("Summit Analytics", "1"));
            assertThat(page.source()).contains("Harbor Networks", "Summit Analytics", "Spring webinar series",
                    "Trade fair Hannover");
            page.screenshot("02-channel-manager");

            page.filter("partner", f.summit);
            page.apply();

            assertThat(page.tile("received")).containsExactly("3", "offered to Summit Analytics");
            assertThat(page.tile("accepted")).as("S1 in time, S2 ran out, S3 declined")
                    .containsExactly("33%", "1 of 3 answered offers");
            assertThat(page.tile("contacted")).containsExactly("100%", "1 of 1 accepted leads");
            assertThat(page.tile("won")).containsExactly("1", "worth €15,000");
            assertThat(page.tile("pipeline")).containsExactly("–", "0 open opportunities");
            assertThat(page.text("scorecard")).startsWith("Summit Analytics");
            assertThat(page.table("leads-table")).as("the leads Summit holds").extracting(row -> row.get(0))
                    .containsExactly("#" + f.s1);
            page.screenshot("03-channel-manager-filtered-to-summit");

            page.filter("partner", f.harbor);
            page.filter("campaign", f.springWebinar);
            page.apply();

            assertThat(page.tile("received")).as("H1, H3, H4").containsExactly("3", "offered to Harbor Networks");
            assertThat(page.tile("accepted")).containsExactly("100%", "2 of 2 answered offers");
            assertThat(page.tile("won")).containsExactly("1", "worth €24,000");
            assertThat(page.tile("pipeline")).containsExactly("€30,000", "1 open opportunity");
            assertThat(page.table("campaigns-table")).hasSize(1);
            assertThat(page.table("campaigns-table").get(0)).startsWith("Spring webinar series" + f.springWebinar,
                    "webinar", "3");
            assertThat(page.table("leads-table")).extracting(row -> row.get(0))
                    .containsExactly("#" + f.h4, "#" + f.h3, "#" + f.h1);

            Path csv = page.downloadCsv("pipeline");

            assertThat(csv.getFileName().toString()).matches("pipeline_\\d{4}-\\d{2}-\\d{2}_\\d{4}-\\d{2}-\\d{2}\\.csv");
            CsvRows rows = CsvRows.parse(Files.readString(csv, StandardCharsets.UTF_8));
            assertThat(rows.header()).containsExactly("partner", "status", "stage", "currency", "leads",
                    "opportunities", "value");
            assertThat(rows.rows()).containsExactly(
                    List.of(f.harbor, "OFFERED", "", "", "1", "0", ""),
                    List.of(f.harbor, "OPPORTUNITY", "PROPOSAL", "EUR", "1", "1", "30000.00"),
                    List.of(f.harbor, "WON", "WON", "EUR", "1", "1", "24000.00"));

            page.openLead(f.h1);
            assertThat(page.timeline()).contains("Accepted", "Contacted", "Opportunity created", "Won");
            page.backToDashboard();
            page.openLead(f.h4);

            assertThat(page.text("lead-title")).isEqualTo("Pacific Dental Group");
            assertThat(page.timeline()).startsWith("Created", "Qualified", "Offered");
            String task = tasks.createTaskQuery().processInstanceBusinessKey(Long.toString(f.h4)).singleResult().getId();
            assertThat(page.taskLinks()).containsExactly(
                    "http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + task);
            page.screenshot("04-channel-manager-lead-timeline");
            page.backToDashboard();

            page.go("?partner=" + f.summit);
            page.waitUntilReady();
            assertThat(page.tile("received")).as("the filters are kept in the address")
                    .containsExactly("3", "offered to Summit Analytics");
            assertThat(page.text("scorecard")).startsWith("Summit Analytics");

            assertThat(page.policyRefusals()).as("nothing refused by the Content Security Policy").isZero();
            page.logOut();
            assertThat(page.storedItems()).as("logging out forgets the credentials").isZero();
        }
    }

    @Test
    void aPartnerRepSeesItsOwnPartnersFiguresAndNothingOfAnotherPartner() throws IOException {
        try (DashboardPage page = DashboardPage.open(port)) {
            page.logInAndWait(f.harborRep, LeadFixtures.PASSWORD);

            assertThat(page.text("who-name")).isEqualTo("Hannah Berg");
            assertThat(page.text("who-role")).isEqualTo("Harbor Networks");
            assertThat(page.has("f-partner")).as("a partner user has no partner to choose").isFalse();
            assertOwnFigures(page);
            assertNoTraceOfSummit(page);
            page.screenshot("05-partner-rep");

            page.choose("leaderboard-scope", "partners");
            assertThat(page.table("leaderboard-table")).extracting(row -> row.get(1))
                    .contains("Harbor Networks", "Another partner");
            assertNoTraceOfSummit(page);

            Path csv = page.downloadCsv("leads");

            CsvRows leads = CsvRows.parse(Files.readString(csv, StandardCharsets.UTF_8));
            assertThat(leads.maps()).extracting(row -> row.get("id"))
                    .containsExactlyInAnyOrder(Long.toString(f.h1), Long.toString(f.h2), Long.toString(f.h3),
                            Long.toString(f.h4));
            assertThat(leads.maps()).extracting(row -> row.get("partner_id")).containsOnly(f.harbor);

            page.openLead(f.h4);
            String task = tasks.createTaskQuery().processInstanceBusinessKey(Long.toString(f.h4)).singleResult().getId();
            assertThat(page.taskLinks()).containsExactly(
                    "http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + task);
            assertNoTraceOfSummit(page);
            page.screenshot("06-partner-rep-lead-timeline");
            page.backToDashboard();

            // An address naming the other partner changes nothing: the page has no partner filter to
            // fill, and the server answers a partner user its own figures only.
            page.go("?partner=" + f.summit + "&groupBy=partner");
            page.waitUntilReady();
            assertOwnFigures(page);
            assertNoTraceOfSummit(page);
            assertThat(page.policyRefusals()).isZero();
        }
    }

    @Test
    void aPartnerRepKeepsItsClosuresUnderItsScorecard() throws IOException {
        LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
        String first = today.plusDays(30).toString();
        String last = today.plusDays(34).toString();
        try (DashboardPage page = DashboardPage.open(port)) {
            page.logInAndWait(f.harborRep, LeadFixtures.PASSWORD);

            assertThat(page.text("partner-calendar-summary")).contains("Monday to Friday", "09:00", "UTC");
            page.addClosure(first, last, "inventory week");
            assertThat(page.table("partner-closures")).singleElement().asList().contains("inventory week");
            page.screenshot("08-partner-closures");

            assertThat(page.refusedClosure(last, first)).contains("lastDay");

            page.removeClosure("inventory week");
            assertThat(page.table("partner-closures")).singleElement().asList().containsExactly("No closures entered.");
            assertThat(page.policyRefusals()).isZero();
        }
    }

    @Test
    void onAPhoneTheDashboardFitsTheScreen() throws IOException {
        try (DashboardPage page = DashboardPage.openOnAPhone(port)) {
            page.logInAndWait(f.harborRep, LeadFixtures.PASSWORD);

            assertThat(page.horizontalOverflow()).as("nothing sticks out to the side at 375 pixels").isZero();
            assertThat(page.tile("won")).containsExactly("1", "worth €24,000");
            page.screenshot("07-partner-rep-on-a-phone");
        }
    }

    /** Harbor's own figures, counted by hand from {@link DashboardFixture}. */
    private void assertOwnFigures(DashboardPage page) {
        assertThat(page.tile("received")).containsExactly("4", "offered to Harbor Networks");
        assertThat(page.tile("accepted")).containsExactly("100%", "3 of 3 answered offers");
        assertThat(page.tile("contacted")).containsExactly("100%", "3 of 3 accepted leads");
        assertThat(page.tile("won")).containsExactly("1", "worth €24,000");
        assertThat(page.tile("pipeline")).containsExactly("€30,000", "1 open opportunity");
        assertThat(page.text("scorecard")).startsWith("Harbor Networks");
        assertThat(page.text("leads-range")).isEqualTo("1–4 of 4");
    }

    private void assertNoTraceOfSummit(DashboardPage page) {
        String everything = page.source().toLowerCase(Locale.ROOT);
        for (String trace : List.of("summit", f.summit, f.summitRep.toLowerCase(Locale.ROOT), "larsen")) {
            assertThat(everything).as("the partner rep's page shows nothing of Summit Analytics")
                    .doesNotContain(trace);
        }
    }
}
