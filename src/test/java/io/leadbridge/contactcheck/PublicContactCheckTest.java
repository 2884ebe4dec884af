package io.leadbridge.contactcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.contactcheck.CustomerBrowser.Page;
import io.leadbridge.lead.LeadEvent;
import io.leadbridge.lead.LeadEventLog;
import io.leadbridge.lead.LeadEventType;
import io.leadbridge.lifecycle.LeadActions;
import io.leadbridge.notification.NotificationRepository;
import io.leadbridge.prospect.Account;
import io.leadbridge.prospect.Contact;
import io.leadbridge.prospect.ProspectRepository;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.security.VendorGroups;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The customer's links over HTTP, without any login, as a prospect's browser (or a mail scanner)
 * opens them: the page shows the partner's name and the product and nothing else, a GET never
 * answers, an answer counts once, and a tampered, unknown or expired link changes nothing.
 */
@LeadbridgeTest
class PublicContactCheckTest {

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired LeadActions leadActions;
    @Autowired ContactCheckRepository checks;
    @Autowired ContactCheckTokens tokens;
    @Autowired ContactCheckProperties properties;
    @Autowired NotificationRepository notifications;
    @Autowired ProspectRepository prospects;
    @Autowired LeadEventLog events;
    @Autowired AccessProvisioning access;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired JdbcClient jdbc;

    private ContactCheckScenario scenario;
    private CustomerBrowser browser;
    private String page;

    @BeforeEach
    void theCustomerWasAsked() {
        access.provisionUser("carol", "Carol", "Channel", "carol@vendor.example", LeadFixtures.PASSWORD,
                VendorGroups.CHANNEL_MANAGERS);
        scenario = new ContactCheckScenario(fixtures, engine, leadActions, checks, notifications, runtime, history)
                .customerAsked();
        page = scenario.pagePath();
        browser = new CustomerBrowser(port);
    }

    @AfterEach
    void resetClock() {
        engine.resetClock();
    }

    @Test
    void thePageAsksAboutThePartnerAndTheProductAndRevealsNothingElse() {
        Page shown = get(page + "?answer=no");

        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.contentType()).startsWith("text/html").contains("UTF-8");
        assertThat(shown.body()).contains("Has alpha Inc. contacted you about Cloud Platform?")
                .contains("<form method=\"post\" action=\"" + scenario.token() + "\">")
                .contains("name=\"answer\" value=\"yes\"", "name=\"answer\" value=\"no\"")
                .contains("action=\"" + scenario.token() + "/opt-out\"")
                .doesNotContain("<script", "http://", "https://", "src=");
        Account account = prospects.account(fixtures.lead(scenario.leadId).accountId());
        Contact contact = prospects.contact(fixtures.lead(scenario.leadId).contactId());
        assertThat(shown.body()).doesNotContain(scenario.rep, scenario.partner, account.name(), account.domain(),
                contact.email(), contact.lastName(), "Retail", "MID_MARKET", "@");
        assertThat(words(shown.body())).as("no lead id").doesNotContain(Long.toString(scenario.leadId));
        assertThat(shown.header("Cache-Control")).contains("no-store");
        assertThat(shown.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(shown.header("Content-Security-Policy")).contains("default-src 'none'");
    }

    @Test
    void openingTheLinksChangesNothing() {
        for (String path : List.of(page, page + "?answer=yes", page + "?answer=no", page + "/opt-out")) {
            assertThat(get(path).status()).as(path).isEqualTo(200);
        }

        assertThat(scenario.check().status()).isEqualTo(ContactCheckStatus.SENT);
        assertThat(optedOut()).isFalse();
        assertThat(customerCheckEvents()).containsExactly(LeadEventType.CUSTOMER_CHECK_SENT);
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(scenario.process())
                .isWaitingAt("Task_AwaitCustomerAnswer");
    }

    @Test
    void anAnswerCountsOnceAndAReusedLinkChangesNothing() {
        Page thanks = post(page, "answer=no");
        assertThat(thanks.status()).as(thanks.body()).isEqualTo(200);
        assertThat(thanks.body()).contains("Thank you");
        engine.runDueJobs();
        assertThat(scenario.check().status()).isEqualTo(ContactCheckStatus.DENIED);
        assertThat(strikes()).containsExactly("CUSTOMER_NOT_CONTACTED");

        Page again = post(page, "answer=yes");
        Page sameAgain = post(page, "answer=no");
        Page reopened = get(page);

        assertThat(List.of(again.status(), sameAgain.status(), reopened.status())).containsOnly(409);
        assertThat(again.body()).contains("already answered").doesNotContain("alpha Inc.");
        engine.runDueJobs();
        ContactCheck check = scenario.check();
        assertThat(check.status()).isEqualTo(ContactCheckStatus.DENIED);
        assertThat(check.answer()).isEqualTo(CustomerAnswer.NO);
        assertThat(strikes()).as("one strike").containsExactly("CUSTOMER_NOT_CONTACTED");
        assertThat(customerCheckEvents()).containsExactly(LeadEventType.CUSTOMER_CHECK_SENT,
                LeadEventType.CUSTOMER_DENIED_CONTACT);
    }

    @Test
    void aTamperedOrUnknownLinkIsNotFoundAndRevealsNothing() {
        String token = scenario.token();
        List<String> bad = List.of(
                token.substring(0, token.length() - 2) + otherThan(token.charAt(token.length() - 2))
                        + token.substring(token.length() - 1),
                otherThan(token.charAt(0)) + token.substring(1),
                token.substring(0, token.indexOf('.')),
                tokens.issue(UUID.randomUUID().toString(), Instant.now().plus(Duration.ofDays(1))),
                new ContactCheckTokens(new ContactCheckProperties(null, "someone-elses-secret-of-32-characters"))
                        .issue(scenario.check().id(), Instant.now().plus(Duration.ofDays(1))),
                "not-a-token");
        String expectedBody = null;
        for (String forged : bad) {
            String path = ContactChecks.PUBLIC_PATH + forged;
            List<Page> tries = List.of(get(path), post(path, "answer=yes"), post(path, "answer=no"),
                    post(path + "/opt-out", ""), get(path + "/opt-out"));
            for (Page tried : tries) {
                assertThat(tried.status()).as(forged).isEqualTo(404);
                assertThat(tried.body()).contains("not valid").doesNotContain("alpha Inc.", "Cloud Platform");
                expectedBody = expectedBody == null ? tried.body() : expectedBody;
                assertThat(tried.body()).as("one page for every bad link").isEqualTo(expectedBody);
            }
        }

        assertThat(scenario.check().status()).isEqualTo(ContactCheckStatus.SENT);
        assertThat(optedOut()).isFalse();
        assertThat(strikes()).isEmpty();
        assertThat(post(page, "answer=yes").status()).as("the real link still works").isEqualTo(200);
    }

    /** A different base64url character, so the forged link never equals the real one by chance. */
    private static String otherThan(char original) {
        return original == 'A' ? "B" : "A";
    }

    @Test
    void anExpiredLinkIsGoneAndChangesNothing() {
        engine.passTimeWithoutJobs(properties.answerWindow().plusMinutes(1));

        Page expired = post(page, "answer=no");
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.body()).contains("expired");
        assertThat(get(page).status()).isEqualTo(410);
        assertThat(post(page + "/opt-out", "").status()).isEqualTo(410);
        assertThat(scenario.check().answer()).isNull();
        assertThat(strikes()).isEmpty();
        assertThat(optedOut()).isFalse();

        engine.runDueJobs();
        assertThat(scenario.check().status()).isEqualTo(ContactCheckStatus.UNANSWERED);
        assertThat(post(page, "answer=no").status()).isEqualTo(410);
        assertThat(strikes()).isEmpty();
    }

    @Test
    void theCustomerOptsOutWithAButtonNotWithTheLink() {
        Page confirm = get(page + "/opt-out");
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.body()).contains("<form method=\"post\" action=\"\">");
        assertThat(optedOut()).isFalse();

        Page done = post(page + "/opt-out", "");
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).contains("You will not be asked again");
        assertThat(optedOut()).isTrue();
        assertThat(post(page + "/opt-out", "").status()).as("again: nothing more happens").isEqualTo(200);
        assertThat(customerCheckEvents()).containsExactly(LeadEventType.CUSTOMER_CHECK_SENT,
                LeadEventType.CUSTOMER_OPTED_OUT);

        assertThat(post(page, "answer=yes").status()).as("the question itself can still be answered").isEqualTo(200);
    }

    @Test
    void aPostWithoutAnAnswerAsksForOne() {
        Page missing = post(page, "");
        Page nonsense = post(page, "answer=maybe");

        assertThat(List.of(missing.status(), nonsense.status())).containsOnly(400);
        assertThat(missing.body()).contains("Please choose Yes or No");
        assertThat(scenario.check().status()).isEqualTo(ContactCheckStatus.SENT);
    }

    @Test
    void thePublicLinksOpenNothingOfTheApi() {
        String lead = "/api/leads/" + scenario.leadId;
        assertThat(get(lead).status()).isEqualTo(401);
        assertThat(get(lead + "/contact-checks").status()).isEqualTo(401);
        assertThat(get(page + "/../../../api/leads/" + scenario.leadId).body()).doesNotContain("Cloud Platform");
        assertThat(get("/public/contact-check/" + scenario.token() + "/lead").status()).isEqualTo(404);
        assertThat(get("/public/leads/" + scenario.leadId).body()).doesNotContain("Cloud Platform");

        ApiClient channelManager = ApiClient.as(port, "carol", LeadFixtures.PASSWORD);
        ApiClient rep = ApiClient.as(port, scenario.rep, LeadFixtures.PASSWORD);
        ApiClient.Response vendorView = channelManager.get(lead + "/contact-checks");
        assertThat(vendorView.status()).isEqualTo(200);
        assertThat(vendorView.json()).singleElement().satisfies(c -> {
            assertThat(c.path("status").asText()).isEqualTo("SENT");
            assertThat(c.path("partnerId").asText()).isEqualTo(scenario.partner);
        });
        assertThat(rep.get(lead + "/contact-checks").status()).as("the customer's answers are the vendor's")
                .isEqualTo(403);
        assertThat(eventTypes(channelManager.get(lead).json())).contains("CUSTOMER_CHECK_SENT");
        assertThat(eventTypes(rep.get(lead).json())).isNotEmpty().noneMatch(type -> type.startsWith("CUSTOMER_"));
    }

    private boolean optedOut() {
        return checks.optedOut(scenario.check().contactId());
    }

    private List<LeadEventType> customerCheckEvents() {
        return events.timeline(scenario.leadId).stream().map(LeadEvent::type).filter(LeadEventType::isCustomerCheck)
                .toList();
    }

    private List<String> strikes() {
        return jdbc.sql("select kind from partner_strike where lead_id = :leadId order by id")
                .param("leadId", scenario.leadId).query(String.class).list();
    }

    private Page get(String path) {
        return browser.get(path);
    }

    private Page post(String path, String form) {
        return browser.post(path, form);
    }

    private static List<String> eventTypes(JsonNode lead) {
        List<String> types = new ArrayList<>();
        lead.path("events").forEach(e -> types.add(e.path("type").asText()));
        return types;
    }

    /** The page's words outside its style sheet. */
    private static List<String> words(String html) {
        String text = html.replaceAll("(?s)<style>.*?</style>", " ").replaceAll("<[^>]*>", " ");
        return List.of(text.split("[^A-Za-z0-9]+"));
    }
}
