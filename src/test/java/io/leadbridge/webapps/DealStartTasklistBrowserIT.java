package io.leadbridge.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.partner.PartnerTier;
import io.leadbridge.support.Chromium;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tasklist's "Start process" → "Deal registration" in a real browser: a partner's rep fills in the
 * start form "Register a deal"; a broken e-mail address is refused naming the field and registers
 * nothing; corrected, the deal is registered for the rep's own partner.
 */
@LeadbridgeTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisabledIfSystemProperty(named = "skip.browser.tests", matches = "true",
        disabledReason = "-Dskip.browser.tests=true: the webapps' browser tests are skipped")
class DealStartTasklistBrowserIT {

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired JdbcClient jdbc;

    private String harbor;
    private String harborRep;

    @BeforeAll
    void aPartnersRep() {
        Chromium.assertInstalled("DealStartTasklistBrowserIT");
        fixtures.isolateFromEarlierTests();
        harbor = fixtures.partner("harbor", PartnerTier.GOLD, "US");
        harborRep = fixtures.rep(harbor);
    }

    @AfterAll
    void resetClock() {
        engine.resetClock();
    }

    @Test
    void aRepRegistersADealThroughTheStartForm() throws IOException {
        String domain = "tasklist-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        try (TasklistPage tasklist = TasklistPage.open(port)) {
            tasklist.logInAndWait(harborRep, LeadFixtures.PASSWORD);
            tasklist.startProcess("Deal registration");
            tasklist.type("Company name", "Tasklist Corp");
            tasklist.type("Company domain (e.g. example.com)", domain);
            tasklist.type("Country (ISO code, e.g. US)", "US");
            tasklist.type("Contact first name", "Cleo");
            tasklist.type("Contact last name", "Customer");
            tasklist.type("Contact e-mail", "not-an-address");
            tasklist.type("Products (separated by commas)", "Cloud Platform");
            tasklist.type("Amount", "100000");
            tasklist.select("Currency", "EUR");
            tasklist.type("Expected close date",
                    LocalDate.now().plusMonths(3).format(DateTimeFormatter.ofPattern("MM/dd/yyyy")));
            tasklist.type("How did you find the deal?", "met the CIO at a trade fair");
            tasklist.screenshot("deal-start-01-form");

            assertThat(tasklist.startRefused()).contains("contactEmail");
            assertThat(registered(domain)).as("nothing registered").isZero();
            tasklist.screenshot("deal-start-02-refused");

            tasklist.type("Contact e-mail", "cleo@" + domain);
            tasklist.start();
            tasklist.screenshot("deal-start-03-started");
        }
        assertThat(registered(domain)).isEqualTo(1);
        assertThat(jdbc.sql("""
                select d.partner_id from deal_registration d join account a on a.id = d.account_id
                where a.domain = :domain""").param("domain", domain).query(String.class).single())
                .as("the rep's own partner").isEqualTo(harbor);
    }

    private long registered(String domain) {
        return jdbc.sql("""
                select count(*) from deal_registration d join account a on a.id = d.account_id
                where a.domain = :domain""").param("domain", domain).query(Long.class).single();
    }
}
