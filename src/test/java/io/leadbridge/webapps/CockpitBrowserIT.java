package io.leadbridge.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.partner.PartnerTier;
import io.leadbridge.support.Chromium;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Cockpit in a real browser (Debian's headless Chromium): the vendor admin logs in, opens "Lead
 * lifecycle" and sees the lead's running instance; a partner's rep, who has Tasklist only, is
 * refused at Cockpit's login page with a message it can read. Screenshots:
 * {@code target/webapp-screenshots/}. Skipped with {@code -Dskip.browser.tests=true}.
 */
@LeadbridgeTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisabledIfSystemProperty(named = "skip.browser.tests", matches = "true",
        disabledReason = "-Dskip.browser.tests=true: the webapps' browser tests are skipped")
class CockpitBrowserIT {

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;

    private String rep;
    private long lead;

    @BeforeAll
    void browserInstalled() {
        Chromium.assertInstalled("CockpitBrowserIT");
    }

    @BeforeEach
    void aLeadOfferedToAPartner() {
        fixtures.isolateFromEarlierTests();
        String harbor = fixtures.partner("harbor", PartnerTier.GOLD, "US");
        rep = fixtures.rep(harbor);
        lead = fixtures.submit(fixtures.partnerLead("US"));
        engine.runDueJobs();
        assertThat(fixtures.lead(lead).partnerId()).isEqualTo(harbor);
    }

    @Test
    void theAdminOpensLeadLifecycleAndSeesTheRunningInstance() throws IOException {
        String instance = fixtures.process(lead).getId();
        try (CockpitPage cockpit = CockpitPage.open(port)) {
            cockpit.screenshot("cockpit-01-login");

            cockpit.logInAndWait("admin", LeadFixtures.ADMIN_PASSWORD);
            cockpit.screenshot("cockpit-02-admin-dashboard");
            cockpit.openProcess("Lead lifecycle");
            cockpit.screenshot("cockpit-03-admin-lead-lifecycle");

            assertThat(cockpit.instances()).hasSize(1);
            assertThat(cockpit.instances().get(0)).contains(instance, Long.toString(lead));
        }
    }

    @Test
    void aRepsCockpitLoginIsRefusedWithAClearMessage() throws IOException {
        try (CockpitPage cockpit = CockpitPage.open(port)) {
            cockpit.logIn(rep, LeadFixtures.PASSWORD);

            String refusal = cockpit.loginRefusal();
            cockpit.screenshot("cockpit-04-rep-refused");
            assertThat(refusal).endsWith("Login Failed : This user may not use Cockpit. Partner reps work in "
                    + "Tasklist: /camunda/app/tasklist/");
            assertThat(cockpit.loginPageShown()).isTrue();
            assertThat(cockpit.visibleText()).doesNotContain("Lead lifecycle");
        }
    }
}
