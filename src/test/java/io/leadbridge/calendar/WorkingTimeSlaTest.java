package io.leadbridge.calendar;

import static io.leadbridge.rules.DecisionFilesTest.editCell;
import static io.leadbridge.rules.DecisionFilesTest.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.lead.LeadEvent;
import io.leadbridge.lead.LeadEventLog;
import io.leadbridge.lead.LeadEventType;
import io.leadbridge.lead.LeadStatus;
import io.leadbridge.notification.Notification;
import io.leadbridge.notification.NotificationKind;
import io.leadbridge.notification.NotificationRepository;
import io.leadbridge.partner.PartnerRole;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.security.VendorGroups;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.ApiClient.Response;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import io.leadbridge.support.PartnerPeople;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Working-time SLA clocks end to end, with the engine clock: the sla-policy table's mid-market row
 * is switched to {@code clock = "working"} with an 8-hour accept SLA (4-hour reminder), the
 * partner's calendar and closures are set over the API, and the offer's real Camunda timers wait
 * for the instants the partner's working time gives.
 */
@LeadbridgeTest
// A context of its own: the table deployed here must not change the SLAs other tests rely on.
@TestPropertySource(properties = "leadbridge.mail-from=working-time-sla-test@leadbridge.local")
class WorkingTimeSlaTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired RepositoryService repository;
    @Autowired ManagementService management;
    @Autowired AccessProvisioning access;
    @Autowired NotificationRepository notifications;
    @Autowired LeadEventLog events;
    @Autowired PartnerPeople people;

    private ApiClient channelManager;

    @BeforeEach
    void isolate() {
        fixtures.isolateFromEarlierTests();
        String carol = "cm-" + Long.toString(System.nanoTime(), 36);
        access.provisionUser(carol, "Carol", "Test", null, LeadFixtures.PASSWORD, VendorGroups.CHANNEL_MANAGERS);
        channelManager = ApiClient.as(port, carol, LeadFixtures.PASSWORD);
    }

    @AfterEach
    void resetClock() {
        engine.resetClock();
    }

    @Test
    void anOfferMadeFridayAfternoonInNewYorkWithEightWorkingHoursIsDueMondayAfternoon() {
        deploySlaPolicy(true);
        String partner = fixtures.partner("ny", PartnerTier.GOLD, "US");
        String rep = fixtures.rep(partner);
        setCalendar(partner, Map.of("timeZone", "America/New_York", "country", "US", "region", "US-NY"));
        now(NEW_YORK, "2026-12-04T16:00");

        long lead = offer("US");

        Instant monday16 = at(NEW_YORK, "2026-12-07T16:00");
        assertThat(fixtures.lead(lead).partnerId()).isEqualTo(partner);
        assertThat(fixtures.lead(lead).slaDueAt()).isEqualTo(monday16);
        assertThat(timer(lead, "BoundaryEvent_AcceptSlaBreached").getDuedate()).isEqualTo(Date.from(monday16));
        assertThat(timer(lead, "BoundaryEvent_AcceptReminderDue").getDuedate())
                .as("4 working hours: Friday 16-17, Monday 9-12")
                .isEqualTo(Date.from(at(NEW_YORK, "2026-12-07T12:00")));
        Response view = ApiClient.as(port, rep, LeadFixtures.PASSWORD).get("/api/leads/" + lead);
        assertThat(view.json().path("sla").path("dueAt").asText()).isEqualTo("2026-12-07T21:00:00Z");
        assertThat(view.json().path("sla").path("dueAtPartnerLocal").asText()).isEqualTo("2026-12-07T16:00:00-05:00");
        assertThat(view.json().path("sla").path("partnerTimeZone").asText()).isEqualTo("America/New_York");
        // To the partner's reps and its manager, each with the partner's local time beside UTC.
        assertThat(mails(lead, NotificationKind.LEAD_OFFERED)).isNotEmpty()
                .allSatisfy(m -> assertThat(m.body())
                        .contains("Mon 7 Dec 2026 21:00 UTC (Mon 7 Dec 16:00 America/New_York time)"));

        // Saturday 16:00, when a calendar-time SLA of 8 hours would long be over: still the partner's.
        now(NEW_YORK, "2026-12-05T16:00");
        engine.runDueJobs();
        assertThat(fixtures.lead(lead).status()).isEqualTo(LeadStatus.OFFERED);
        assertThat(mails(lead, NotificationKind.ACCEPT_REMINDER)).isEmpty();

        // The reminder comes 4 working hours in, before the deadline.
        now(NEW_YORK, "2026-12-07T11:59");
        engine.runDueJobs();
        assertThat(mails(lead, NotificationKind.ACCEPT_REMINDER)).isEmpty();
        now(NEW_YORK, "2026-12-07T12:00");
        engine.runDueJobs();
        assertThat(mails(lead, NotificationKind.ACCEPT_REMINDER)).isNotEmpty()
                .allSatisfy(m -> assertThat(m.body()).contains("(Mon 7 Dec 16:00 America/New_York time)"));
        assertThat(fixtures.lead(lead).status()).isEqualTo(LeadStatus.OFFERED);

        now(NEW_YORK, "2026-12-07T16:00");
        engine.runDueJobs();
        assertThat(types(lead)).contains(LeadEventType.WITHDRAWN);
        assertThat(fixtures.lead(lead).partnerId()).isNotEqualTo(partner);
    }

    @Test
    void theContactDeadlineAndTheCustomerCheckCountThePartnersWorkingTimeFromAcceptance() {
        deploySlaPolicy(true);
        String partner = fixtures.partner("ny", PartnerTier.GOLD, "US");
        String rep = fixtures.rep(partner);
        setCalendar(partner, Map.of("timeZone", "America/New_York", "country", "US"));
        now(NEW_YORK, "2026-12-04T16:00");
        long lead = offer("US");

        now(NEW_YORK, "2026-12-07T10:00");
        assertThat(ApiClient.as(port, rep, LeadFixtures.PASSWORD).post("/api/leads/" + lead + "/accept", Map.of())
                .status()).isEqualTo(200);
        engine.runDueJobs();

        // contact within P3D = 3 working days of 8 hours: Monday 10:00 + 24 working hours = Thursday 10:00.
        assertThat(fixtures.lead(lead).slaDueAt()).isEqualTo(at(NEW_YORK, "2026-12-10T10:00"));
        assertThat(timer(lead, "BoundaryEvent_ContactSlaBreached").getDuedate())
                .isEqualTo(Date.from(at(NEW_YORK, "2026-12-10T10:00")));
        // contact reminder P1D: one working day, Tuesday 10:00.
        assertThat(timer(lead, "BoundaryEvent_ContactReminderDue").getDuedate())
                .isEqualTo(Date.from(at(NEW_YORK, "2026-12-08T10:00")));
        // the customer is asked after P5D = 40 working hours: the next Monday 10:00.
        Job check = management.createJobQuery().timers().activityId("TimerEvent_CustomerCheckDue").list().stream()
                .filter(j -> j.getDuedate().equals(Date.from(at(NEW_YORK, "2026-12-14T10:00")))).findFirst()
                .orElse(null);
        assertThat(check).as("the customer check waits 5 working days").isNotNull();
    }

    @Test
    void theInsideSlaCountsThePartnersWorkingTimeAndLeavesTheWithdrawalTimerAlone() {
        // Mid-market on working time: accept within PT8H, each rep within PT2H, Monday to Friday 09:00-17:00.
        repository.createDeployment().name("working time test").addString("sla-policy.dmn",
                editCell(workingMidMarketRow(), "LiteralExpression_MidMarket_RepAcceptSla", "\"PT2H\"")).deploy();
        String partner = fixtures.partner("ny", PartnerTier.GOLD, "US");
        String manager = people.person(partner, "mgr", PartnerRole.LEAD_MANAGER);
        String anna = people.repInTheUs(partner, "a-anna");
        String bert = people.repInTheUs(partner, "b-bert");
        setCalendar(partner, Map.of("timeZone", "America/New_York", "country", "US"));
        now(NEW_YORK, "2026-12-04T16:00");

        long lead = offer("US");

        assertThat(fixtures.lead(lead).repUsername()).isEqualTo(anna);
        Date withdrawal = timer(lead, "BoundaryEvent_AcceptSlaBreached").getDuedate();
        assertThat(withdrawal).isEqualTo(Date.from(at(NEW_YORK, "2026-12-07T16:00")));
        assertThat(timer(lead, "BoundaryEvent_RepAcceptSlaBreached").getDuedate())
                .as("Friday 16-17 and Monday 9-10, not Friday 18:00")
                .isEqualTo(Date.from(at(NEW_YORK, "2026-12-07T10:00")));

        now(NEW_YORK, "2026-12-04T18:00");
        engine.runDueJobs();
        now(NEW_YORK, "2026-12-07T09:59");
        engine.runDueJobs();
        assertThat(fixtures.lead(lead).repUsername()).as("anna's two working hours are not up").isEqualTo(anna);
        assertThat(types(lead)).doesNotContain(LeadEventType.OFFER_MOVED);

        now(NEW_YORK, "2026-12-07T10:00");
        engine.runDueJobs();

        assertThat(fixtures.lead(lead).repUsername()).isEqualTo(bert);
        assertThat(types(lead)).containsOnlyOnce(LeadEventType.OFFER_MOVED);
        assertThat(timer(lead, "BoundaryEvent_AcceptSlaBreached").getDuedate()).as("the partner's deadline stays")
                .isEqualTo(withdrawal);
        assertThat(fixtures.lead(lead).slaDueAt()).isEqualTo(withdrawal.toInstant());
        assertThat(timer(lead, "BoundaryEvent_RepAcceptSlaBreached").getDuedate()).as("bert's two working hours")
                .isEqualTo(Date.from(at(NEW_YORK, "2026-12-07T12:00")));

        now(NEW_YORK, "2026-12-07T12:00");
        engine.runDueJobs();
        assertThat(fixtures.lead(lead).repUsername()).as("then the lead managers").isNull();
        assertThat(mails(lead, NotificationKind.OFFER_MOVED)).extracting(Notification::recipient)
                .contains(manager + "@partner.example");
        assertThat(timer(lead, "BoundaryEvent_AcceptSlaBreached").getDuedate()).isEqualTo(withdrawal);
    }

    @Test
    void aPublicHolidayDoesNotCount() {
        deploySlaPolicy(true);
        String partner = fixtures.partner("ny", PartnerTier.GOLD, "US");
        setCalendar(partner, Map.of("timeZone", "America/New_York", "country", "US"));
        // Wednesday before Thanksgiving (Thursday 26 November 2026).
        now(NEW_YORK, "2026-11-25T16:00");

        long lead = offer("US");

        assertThat(fixtures.lead(lead).slaDueAt()).isEqualTo(at(NEW_YORK, "2026-11-27T16:00"));
    }

    @Test
    void aGermanPartnerKeepsItsRegionsHolidays() {
        deploySlaPolicy(true);
        String partner = fixtures.partner("munich", PartnerTier.GOLD, "DE");
        setCalendar(partner, Map.of("timeZone", "Europe/Berlin", "country", "DE", "region", "DE-BY",
                "opens", "08:00", "closes", "16:00"));
        // Epiphany, Wednesday 6 January 2027, is a public holiday in Bavaria.
        now(BERLIN, "2027-01-05T15:00");

        long lead = offer("DE");

        assertThat(fixtures.lead(lead).slaDueAt()).isEqualTo(at(BERLIN, "2027-01-07T15:00"));
    }

    @Test
    void aPartnersOwnClosureDoesNotCount() {
        deploySlaPolicy(true);
        String partner = fixtures.partner("ny", PartnerTier.GOLD, "US");
        ApiClient rep = ApiClient.as(port, fixtures.rep(partner), LeadFixtures.PASSWORD);
        setCalendar(partner, Map.of("timeZone", "America/New_York", "country", "US"));
        now(NEW_YORK, "2026-12-04T16:00");
        Response closed = rep.post("/api/partners/" + partner + "/closures",
                Map.of("firstDay", "2026-12-07", "lastDay", "2026-12-08", "reason", "team offsite"));
        assertThat(closed.status()).as(closed.body()).isEqualTo(201);
        assertThat(closed.location())
                .endsWith("/api/partners/" + partner + "/closures/" + closed.json().path("id").asLong());

        long lead = offer("US");

        assertThat(fixtures.lead(lead).slaDueAt()).isEqualTo(at(NEW_YORK, "2026-12-09T16:00"));
    }

    @Test
    void rowsThatCountCalendarTimeAreUnchanged() {
        deploySlaPolicy(false);
        String partner = fixtures.partner("ny", PartnerTier.GOLD, "US");
        setCalendar(partner, Map.of("timeZone", "America/New_York", "country", "US"));
        now(NEW_YORK, "2026-12-04T16:00");

        long lead = offer("US");

        // The shipped mid-market row: accept within P1D, reminder after PT12H, wall-clock time.
        assertThat(fixtures.lead(lead).slaDueAt()).isEqualTo(at(NEW_YORK, "2026-12-05T16:00"));
        assertThat(timer(lead, "BoundaryEvent_AcceptReminderDue").getDuedate())
                .isEqualTo(Date.from(at(NEW_YORK, "2026-12-05T04:00")));
    }

    @Test
    void aSupportRequestIsReviewedInTheVendorsWorkingTime() {
        deploySlaPolicy(true);
        String partner = fixtures.partner("ny", PartnerTier.GOLD, "US");
        ApiClient rep = ApiClient.as(port, fixtures.rep(partner), LeadFixtures.PASSWORD);
        now(NEW_YORK, "2026-12-03T10:00");
        long lead = offer("US");
        accept(rep, lead);

        // The vendor works Monday to Friday 09:00-17:00 UTC (leadbridge.vendor-calendar's defaults): a support
        // request on Friday at 15:00 UTC with PT8H is due Monday at 15:00 UTC, its reminder at half the working
        // time (Friday 2 h + Monday 2 h) on Monday at 11:00 UTC.
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-04T15:00:00Z")));
        Response asked = rep.post("/api/leads/" + lead + "/support-requests", Map.of("kind", "SPECIAL_PRICING",
                "discountPercent", 12.5, "justification", "the competitor offers 15% off"));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);

        String review = management.createJobQuery().timers().activityId("BoundaryEvent_SupportSlaBreached").list()
                .stream().filter(j -> j.getDuedate().after(Date.from(Instant.parse("2026-12-04T15:00:00Z"))))
                .map(j -> j.getDuedate().toInstant().toString()).findFirst().orElse(null);
        assertThat(review).isEqualTo("2026-12-07T15:00:00Z");
        assertThat(management.createJobQuery().timers().activityId("BoundaryEvent_SupportReviewHalfTime").list())
                .extracting(j -> j.getDuedate().toInstant().toString()).contains("2026-12-07T11:00:00Z");
    }

    @Test
    void anOpenCompetitionRunsUntilTheLastCompetitorsWorkingTimeIsUp() {
        // The hot-lead row (accept within PT4H, reminder after PT2H) on working time. Its contact reminder
        // PT12H is more than its contact SLA P1D in working time (one working day, 8 hours): the table would
        // be refused, so the reminder comes after PT4H.
        repository.createDeployment().name("working time test").addString("sla-policy.dmn",
                editCell(editCell(table("sla-policy.dmn"), "LiteralExpression_HotLead_Clock", "\"working\""),
                        "LiteralExpression_HotLead_ContactReminder", "\"PT4H\"")).deploy();
        String newYork = fixtures.partner("racer-ny", PartnerTier.SILVER, "NL", "US");
        String amsterdam = fixtures.partner("racer-ams", PartnerTier.SILVER, "NL", "US");
        String tokyo = fixtures.partner("racer-tyo", PartnerTier.SILVER, "NL", "US");
        setCalendar(newYork, Map.of("timeZone", "America/New_York"));
        setCalendar(amsterdam, Map.of("timeZone", "Europe/Amsterdam"));
        setCalendar(tokyo, Map.of("timeZone", "Asia/Tokyo"));
        // Friday 16:00 UTC: New York's 4 hours end Friday 20:00 UTC; Tokyo's (Saturday 01:00 there) Monday
        // 04:00 UTC; Amsterdam closes at 17:00 local, so its 4 hours end Monday 13:00 local, 12:00 UTC.
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-04T16:00:00Z")));

        long lead = fixtures.submit(fixtures.lead("NL", 88, 20, "Cloud Platform", "Retail"));
        engine.runDueJobs();

        assertThat(events.timeline(lead).stream().filter(e -> e.type() == LeadEventType.OFFERED)).hasSize(3);
        assertThat(fixtures.lead(lead).slaDueAt()).isEqualTo(Instant.parse("2026-12-07T12:00:00Z"));
        assertThat(management.createJobQuery().timers().processInstanceId(fixtures.process(lead).getId())
                .activityId("BoundaryEvent_AcceptSlaBreached").list())
                .extracting(j -> j.getDuedate().toInstant()).containsOnly(Instant.parse("2026-12-07T12:00:00Z"));
    }

    @Test
    void statusUpdatesFallDueEveryWorkingDayOfThePartner() {
        repository.createDeployment().name("working time test").addString("sla-policy.dmn",
                editCell(workingMidMarketRow(), "LiteralExpression_MidMarket_StatusUpdateCycle", "\"R/P1D\""))
                .deploy();
        String partner = fixtures.partner("ny", PartnerTier.GOLD, "US");
        ApiClient rep = ApiClient.as(port, fixtures.rep(partner), LeadFixtures.PASSWORD);
        setCalendar(partner, Map.of("timeZone", "America/New_York", "country", "US"));
        now(NEW_YORK, "2026-12-03T10:00");
        long lead = offer("US");
        now(NEW_YORK, "2026-12-03T11:00");
        accept(rep, lead);
        now(NEW_YORK, "2026-12-04T16:00");
        contact(rep, lead);

        // Every working day (8 working hours): Friday 16:00 + 1 h on Friday + 7 h on Monday is Monday 16:00,
        // then Tuesday 16:00.
        assertThat(timer(lead, "BoundaryEvent_StatusUpdateDue").getDuedate())
                .isEqualTo(Date.from(at(NEW_YORK, "2026-12-07T16:00")));
        now(NEW_YORK, "2026-12-06T16:00");
        engine.runDueJobs();
        assertThat(mails(lead, NotificationKind.STATUS_UPDATE_REMINDER)).as("not over the weekend").isEmpty();

        now(NEW_YORK, "2026-12-07T16:00");
        engine.runDueJobs();
        assertThat(mails(lead, NotificationKind.STATUS_UPDATE_REMINDER)).hasSize(1);
        assertThat(timer(lead, "BoundaryEvent_StatusUpdateDue").getDuedate()).as("the next cycle, in working time")
                .isEqualTo(Date.from(at(NEW_YORK, "2026-12-08T16:00")));
    }

    @Test
    void theSlaReportCountsWorkingHoursToAcceptAndToFirstContact() {
        deploySlaPolicy(true);
        String partner = fixtures.partner("ny", PartnerTier.GOLD, "US");
        ApiClient rep = ApiClient.as(port, fixtures.rep(partner), LeadFixtures.PASSWORD);
        setCalendar(partner, Map.of("timeZone", "America/New_York", "country", "US"));

        // Hand-computed, Monday to Friday 09:00-17:00 New York:
        // lead 1: offered Friday 4 Dec 16:00, accepted Monday 10:00 (1 h + 1 h = 2 working hours; 66 h on the
        // wall clock), first contact Monday 15:00 (5 working hours).
        // lead 2: offered Monday 7 Dec 15:00, accepted Tuesday 11:00 (2 h + 2 h = 4 working hours), first
        // contact Thursday 11:00 (Tuesday 6 h + Wednesday 8 h + Thursday 2 h = 16 working hours).
        now(NEW_YORK, "2026-12-04T16:00");
        long first = offer("US");
        now(NEW_YORK, "2026-12-07T10:00");
        accept(rep, first);
        now(NEW_YORK, "2026-12-07T15:00");
        contact(rep, first);
        long second = offer("US");
        now(NEW_YORK, "2026-12-08T11:00");
        accept(rep, second);
        now(NEW_YORK, "2026-12-10T11:00");
        contact(rep, second);

        Response report = channelManager.get("/api/reports/sla?from=2026-12-01&to=2026-12-31&partner=" + partner);
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        var row = report.json().path("rows").get(0);
        assertThat(row.path("partnerId").asText()).isEqualTo(partner);
        assertThat(row.path("accepted").asLong()).isEqualTo(2);
        assertThat(row.path("acceptedInTime").asLong()).as("both within 8 working hours").isEqualTo(2);
        // median of 2 and 4; 90th percentile 2 + 0.9 * 2
        assertThat(row.path("hoursToAccept").path("median").decimalValue()).isEqualByComparingTo("3.00");
        assertThat(row.path("hoursToAccept").path("p90").decimalValue()).isEqualByComparingTo("3.80");
        // median of 5 and 16; 90th percentile 5 + 0.9 * 11
        assertThat(row.path("hoursToFirstContact").path("median").decimalValue()).isEqualByComparingTo("10.50");
        assertThat(row.path("hoursToFirstContact").path("p90").decimalValue()).isEqualByComparingTo("14.90");
    }

    private void accept(ApiClient rep, long lead) {
        assertThat(rep.post("/api/leads/" + lead + "/accept", Map.of()).status()).isEqualTo(200);
        engine.runDueJobs();
    }

    private void contact(ApiClient rep, long lead) {
        Response contacted = rep.post("/api/leads/" + lead + "/contact", Map.of("outcome", "CONTACTED"));
        assertThat(contacted.status()).as(contacted.body()).isEqualTo(200);
        engine.runDueJobs();
    }

    /** The sla-policy table as shipped, or with the mid-market row on working time with an 8-hour accept SLA. */
    private void deploySlaPolicy(boolean working) {
        repository.createDeployment().name("working time test")
                .addString("sla-policy.dmn", working ? workingMidMarketRow() : table("sla-policy.dmn")).deploy();
    }

    /** The mid-market row on working time, accept within PT8H, reminder after PT4H (PT12H is more than P1D there). */
    private static String workingMidMarketRow() {
        return editCell(editCell(editCell(table("sla-policy.dmn"), "LiteralExpression_MidMarket_AcceptReminder",
                "\"PT4H\""), "LiteralExpression_MidMarket_AcceptSla", "\"PT8H\""),
                "LiteralExpression_MidMarket_Clock", "\"working\"");
    }

    private void setCalendar(String partner, Map<String, String> calendar) {
        Response set = channelManager.put("/api/partners/" + partner + "/calendar", calendar);
        assertThat(set.status()).as(set.body()).isEqualTo(200);
    }

    private long offer(String country) {
        long lead = fixtures.submit(fixtures.partnerLead(country));
        engine.runDueJobs();
        assertThat(fixtures.lead(lead).status()).isEqualTo(LeadStatus.OFFERED);
        return lead;
    }

    private Job timer(long lead, String activityId) {
        return management.createJobQuery().timers().processInstanceId(fixtures.process(lead).getId())
                .activityId(activityId).singleResult();
    }

    private List<Notification> mails(long lead, NotificationKind kind) {
        return notifications.forLead(lead).stream().filter(n -> n.kind() == kind).toList();
    }

    private List<LeadEventType> types(long lead) {
        return events.timeline(lead).stream().map(LeadEvent::type).toList();
    }

    private static void now(ZoneId zone, String localDateTime) {
        ClockUtil.setCurrentTime(Date.from(at(zone, localDateTime)));
    }

    static Instant at(ZoneId zone, String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }
}
