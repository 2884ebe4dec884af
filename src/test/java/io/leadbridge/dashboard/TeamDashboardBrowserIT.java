package io.leadbridge.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.lead.LeadEventLog;
import io.leadbridge.lead.LeadEventType;
import io.leadbridge.partner.PartnerDispatchRepository;
import io.leadbridge.partner.PartnerRole;
import io.leadbridge.partner.PartnerService;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.partner.RepProfile;
import io.leadbridge.partner.RepProfileRepository;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.security.VendorGroups;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import io.leadbridge.support.PartnerPeople;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The team page and the lead page's reassign form in a real browser (issue 14): a partner's lead
 * manager edits a rep's profile (and reads the field the API refused), switches the partner to manual
 * dispatch and gives a lead to another rep with a note that lands on the timeline; a channel manager
 * picks the partner and makes a rep a lead manager; a plain rep sees its own profile and figures and
 * no control; another partner's lead manager sees nothing of the team or its lead.
 */
@LeadbridgeTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisabledIfSystemProperty(named = "skip.browser.tests", matches = "true",
        disabledReason = "-Dskip.browser.tests=true: the dashboard's browser test is skipped")
class TeamDashboardBrowserIT {

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired PartnerPeople people;
    @Autowired EngineDriver engine;
    @Autowired PartnerService partners;
    @Autowired RepProfileRepository profiles;
    @Autowired PartnerDispatchRepository dispatches;
    @Autowired LeadEventLog events;
    @Autowired AccessProvisioning access;

    private String alpha;
    private String manager;
    private String anna;
    private String bert;
    private String cody;
    private String betaManager;
    private long lead;

    @BeforeAll
    void browserInstalled() {
        DashboardPage.assertBrowserInstalled();
        access.provisionUser("carol", "Carol", "Channel", "carol@vendor.example", LeadFixtures.PASSWORD,
                VendorGroups.CHANNEL_MANAGERS);
    }

    /** Alpha (US): a lead manager, Anna and Bert with US profiles, Cody without one; Anna holds an offer. */
    @BeforeEach
    void aTeamWithAnOffer() {
        fixtures.isolateFromEarlierTests();
        alpha = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        manager = people.person(alpha, "mgr", PartnerRole.LEAD_MANAGER);
        anna = people.repInTheUs(alpha, "a-anna");
        bert = people.repInTheUs(alpha, "b-bert");
        cody = people.person(alpha, "c-cody", PartnerRole.REP);
        betaManager = people.person(fixtures.partner("beta", PartnerTier.GOLD, "DE"), "mgr", PartnerRole.LEAD_MANAGER);
        lead = fixtures.submit(fixtures.partnerLead("US"));
        engine.runDueJobs();
        assertThat(fixtures.lead(lead).repUsername()).isEqualTo(anna);
    }

    @Test
    void aLeadManagerEditsAProfileSwitchesToManualDispatchAndReassignsALead() throws IOException {
        LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
        try (DashboardPage page = DashboardPage.open(port)) {
            page.logInAndWait(manager, LeadFixtures.PASSWORD);
            page.openTeam();

            assertThat(page.teamMembers()).containsExactlyInAnyOrder(manager, anna, bert, cody);
            assertThat(page.teamRow(anna)).contains("Rep", "1 of 5", "Available", "US", "all");
            assertThat(page.teamRow(anna).get(8)).as("offers dispatched to Anna").isEqualTo("1");
            assertThat(page.teamRow(cody)).contains("No profile: gets no offers by the rotation");
            assertThat(page.teamRow(manager)).contains("Lead manager");
            assertThat(page.count("button[data-role]")).as("roles are the channel managers'").isZero();
            page.screenshot("team-01-lead-manager");

            page.editProfile(bert);
            page.profileField("capacity", "3");
            page.profileField("languages", "English");
            page.profileField("products", "Cloud Platform");
            String refused = page.saveProfile();

            assertThat(refused).contains("languages").contains("ISO 639-1");
            assertThat(page.fieldProblem("pf-languages")).contains("ISO 639-1");
            assertThat(page.fieldProblem("pf-capacity")).isNull();
            assertThat(profiles.find(bert).orElseThrow().capacity()).as("nothing stored").isEqualTo(5);
            page.screenshot("team-02-profile-refused");

            page.profileField("languages", "en, es");
            page.profileField("awayFrom", today.minusDays(1) + "T09:00");
            page.profileField("awayUntil", today.plusDays(10) + "T17:00");
            page.profileField("standIn", anna);
            assertThat(page.saveProfile()).isNull();

            RepProfile saved = profiles.find(bert).orElseThrow();
            assertThat(saved.capacity()).isEqualTo(3);
            assertThat(saved.languages()).containsExactlyInAnyOrder("en", "es");
            assertThat(saved.products()).containsExactly("Cloud Platform");
            assertThat(saved.standIn()).isEqualTo(anna);
            assertThat(saved.updatedBy()).isEqualTo(manager);
            assertThat(page.teamRow(bert)).contains("0 of 3", "Cloud Platform", "en, es");
            assertThat(page.teamRow(bert).get(3)).startsWith("Away until").endsWith("stand-in " + anna);

            page.saveDispatch(false, true);
            assertThat(dispatches.find(alpha).teamQueue()).isFalse();
            assertThat(dispatches.find(alpha).manualDispatch()).isTrue();
            assertThat(page.text("dispatch-summary")).contains("Team queue off", "by hand");
            page.screenshot("team-03-profile-and-dispatch-saved");

            page.goToLead(lead);
            assertThat(page.reassign(cody, "")).as("a note is required").contains("note");
            assertThat(fixtures.lead(lead).repUsername()).isEqualTo(anna);

            assertThat(page.reassign(cody, "Cody knows the account")).isNull();

            assertThat(page.timeline()).contains("Offer moved");
            assertThat(page.source()).contains("Cody knows the account");
            assertThat(fixtures.lead(lead).repUsername()).isEqualTo(cody);
            assertThat(events.count(lead, LeadEventType.OFFER_MOVED)).isEqualTo(1);
            page.screenshot("team-04-lead-reassigned");
            assertThat(page.policyRefusals()).isZero();
        }
    }

    @Test
    void aChannelManagerPicksThePartnerMakesARepALeadManagerAndMayReassign() throws IOException {
        try (DashboardPage page = DashboardPage.open(port)) {
            page.logInAndWait("carol", LeadFixtures.PASSWORD);
            page.openTeam();
            page.chooseTeamOf(alpha);

            assertThat(page.teamMembers()).containsExactlyInAnyOrder(manager, anna, bert, cody);
            assertThat(page.text("team-title")).startsWith("Team of alpha");

            page.changeRole(cody, "Lead manager");

            assertThat(partners.rep(alpha, cody).role()).isEqualTo(PartnerRole.LEAD_MANAGER);
            page.screenshot("team-05-channel-manager");

            page.goToLead(lead);
            assertThat(page.offersReassign()).isTrue();
            assertThat(page.policyRefusals()).isZero();
        }
    }

    @Test
    void aPlainRepSeesOnlyItsOwnProfileAndFiguresAndNoControls() throws IOException {
        try (DashboardPage page = DashboardPage.open(port)) {
            page.logInAndWait(anna, LeadFixtures.PASSWORD);

            assertThat(page.text("team-link")).isEqualTo("My profile");
            page.openTeam();

            assertThat(page.teamMembers()).containsExactly(anna);
            assertThat(page.teamRow(anna)).contains("1 of 5", "US");
            assertThat(page.count("button[data-edit]")).isZero();
            assertThat(page.count("button[data-role]")).isZero();
            assertThat(page.has("dispatch-form")).isFalse();
            assertThat(page.text("dispatch-summary")).contains("Team queue on");
            assertThat(page.source()).doesNotContain(bert).doesNotContain(cody);
            page.screenshot("team-06-plain-rep");

            page.goToLead(lead);
            assertThat(page.offersReassign()).as("reps are not offered the move").isFalse();
            assertThat(page.policyRefusals()).isZero();
        }
    }

    @Test
    void onAPhoneTheTeamPageAndItsProfileFormFitTheScreen() throws IOException {
        try (DashboardPage page = DashboardPage.openOnAPhone(port)) {
            page.logInAndWait(manager, LeadFixtures.PASSWORD);
            page.openTeam();
            page.editProfile(anna);

            assertThat(page.horizontalOverflow()).as("the wide table scrolls inside its card").isZero();
            page.screenshot("team-08-lead-manager-on-a-phone");
            page.goToLead(lead);
            assertThat(page.offersReassign()).isTrue();
            assertThat(page.horizontalOverflow()).isZero();
        }
    }

    @Test
    void anotherPartnersLeadManagerSeesNothingOfTheTeamOrItsLead() throws IOException {
        try (DashboardPage page = DashboardPage.open(port)) {
            page.logInAndWait(betaManager, LeadFixtures.PASSWORD);

            assertThat(page.goToTeam(alpha)).as("a partner user's team page is its own partner's").isEqualTo("ready");
            assertThat(page.teamMembers()).containsExactly(betaManager);
            page.goToLeadExpectingRefusal(lead);

            String everything = page.source().toLowerCase(Locale.ROOT);
            for (String trace : Set.of(anna, bert, cody, manager, alpha)) {
                assertThat(everything).doesNotContain(trace.toLowerCase(Locale.ROOT));
            }
            assertThat(page.offersReassign()).isFalse();
            page.screenshot("team-07-other-partners-manager");
        }
    }
}
