package io.leadbridge.demo;

import io.leadbridge.campaign.CampaignRequest;
import io.leadbridge.campaign.Campaigns;
import io.leadbridge.config.LeadClock;
import io.leadbridge.config.LeadbridgeProperties;
import io.leadbridge.demo.DemoLeads.DemoLead;
import io.leadbridge.calendar.PartnerCalendarService;
import io.leadbridge.demo.DemoPartners.DemoPartner;
import io.leadbridge.demo.DemoUsers.VendorUser;
import io.leadbridge.intake.LeadIntake;
import io.leadbridge.lead.Lead;
import io.leadbridge.lead.LeadSearch;
import io.leadbridge.lead.LeadStatus;
import io.leadbridge.partner.PartnerRepository;
import io.leadbridge.partner.PartnerService;
import io.leadbridge.partner.RepProfiles;
import io.leadbridge.partner.RepRequest;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.security.Caller;
import io.leadbridge.security.VendorGroups;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the demo ({@code leadbridge.demo-data=true}, the {@code demo} profile of
 * {@code ./mvnw spring-boot:run}): vendor users, {@link DemoPartners}, the campaigns' costs
 * ({@link DemoCampaigns}), and {@link DemoLeads} brought into a realistic mix of states, all through the services the API uses. Runs after
 * {@code AccessBootstrap} has created the vendor groups, and only on a database without
 * partners, so restarting on the same H2 file loads nothing twice.
 */
@Component
@Order(10)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final Caller DEMO_CHANNEL_MANAGER = new Caller(DemoUsers.CHANNEL_MANAGER,
            Set.of(VendorGroups.CHANNEL_MANAGERS));

    private final LeadbridgeProperties properties;
    private final PartnerRepository partnerRepository;
    private final PartnerService partners;
    private final AccessProvisioning access;
    private final LeadIntake intake;
    private final DemoLeadDriver driver;
    private final LeadSearch search;
    private final Campaigns campaigns;
    private final LeadClock clock;
    private final PartnerCalendarService calendars;
    private final RepProfiles profiles;

    DemoData(LeadbridgeProperties properties, PartnerRepository partnerRepository, PartnerService partners,
            AccessProvisioning access, LeadIntake intake, DemoLeadDriver driver, LeadSearch search,
            Campaigns campaigns, LeadClock clock, PartnerCalendarService calendars, RepProfiles profiles) {
        this.profiles = profiles;
        this.calendars = calendars;
        this.properties = properties;
        this.partnerRepository = partnerRepository;
        this.partners = partners;
        this.access = access;
        this.intake = intake;
        this.driver = driver;
        this.search = search;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demoData()) {
            return;
        }
        if (!partnerRepository.findAll().isEmpty()) {
            log.info("Demo data: partners exist already, nothing loaded");
            return;
        }
        log.info("Demo data: loading; every demo user's password is '{}'", DemoUsers.PASSWORD);
        DemoUsers.VENDOR_USERS.forEach(this::createVendorUser);
        DemoPartners.ALL.forEach(this::createPartner);
        DemoCampaigns.all(LocalDate.ofInstant(clock.now(), ZoneOffset.UTC)).forEach(this::createCampaign);
        DemoLeads.ALL.forEach(this::loadLead);
        logSummary();
    }

    private void createVendorUser(VendorUser user) {
        access.provisionUser(user.username(), user.firstName(), user.lastName(), user.email(), DemoUsers.PASSWORD,
                user.groups());
        log.info("Demo data: vendor user {} ({} {}){}", user.username(), user.firstName(), user.lastName(),
                user.group() == null ? ", no group" : " in " + user.group());
    }

    private void createPartner(DemoPartner demo) {
        var partner = partners.create(demo.request());
        demo.reps().forEach(rep -> partners.addRep(partner.id(), rep));
        demo.reps().stream().filter(rep -> DemoPartners.PROFILES.containsKey(rep.username()))
                .forEach(rep -> profiles.saveProfile(partner.id(), rep.username(),
                        DemoPartners.PROFILES.get(rep.username()), DEMO_CHANNEL_MANAGER));
        var calendar = DemoPartners.CALENDARS.get(partner.id());
        if (calendar != null) {
            calendars.setCalendar(partner.id(), calendar, DemoUsers.CHANNEL_MANAGER);
        }
        log.info("Demo data: partner {} ({}, {}, {}, capacity {}) with rep(s) {}", partner.id(), partner.name(),
                partner.tier(), String.join("+", partner.countries()), partner.capacity(),
                demo.reps().stream().map(RepRequest::username).collect(Collectors.joining(", ")));
    }

    private void createCampaign(CampaignRequest request) {
        var campaign = campaigns.create(request, DemoUsers.CHANNEL_MANAGER);
        log.info("Demo data: campaign {} ({}, {} {})", campaign.code(), campaign.channel(), campaign.cost(),
                campaign.currency());
    }

    private void loadLead(DemoLead demo) {
        long leadId = intake.receive(demo.submission(), DemoUsers.MARKETING).lead().id();
        Lead lead = driver.settle(leadId);
        log.info("Demo data: lead {} from {}: {}; {} grade {}, {}", leadId, demo.campaign().id(), demo.describe(),
                lead.segment(), lead.grade(), where(lead));
        for (DemoStep step : demo.story()) {
            var performed = driver.perform(leadId, step);
            if (performed.isEmpty()) {
                log.warn("Demo data: lead {} is {}, so its story stops before: {}", leadId, lead.status(),
                        step.describe());
                return;
            }
            lead = performed.get().lead();
            log.info("Demo data: lead {}: {} {}; now {}", leadId, performed.get().actor(), step.describe(),
                    where(lead));
        }
    }

    private static String where(Lead lead) {
        return switch (lead.status()) {
            case OFFERED -> "OFFERED to " + lead.partnerId()
                    + (lead.repUsername() == null ? "" : " for rep " + lead.repUsername());
            case ACCEPTED, CONTACTED, OPPORTUNITY, WON, LOST -> lead.status() + " with " + lead.repUsername() + " of "
                    + lead.partnerId();
            case UNASSIGNED -> "UNASSIGNED: no partner qualifies, a channel manager distributes it";
            default -> lead.status().name();
        };
    }

    private void logSummary() {
        String byStatus = Arrays.stream(LeadStatus.values())
                .map(status -> Map.entry(status, count(status)))
                .filter(entry -> entry.getValue() > 0)
                .map(entry -> entry.getKey() + " " + entry.getValue())
                .collect(Collectors.joining(", "));
        log.info("Demo data loaded: {} partners, {} leads ({}). Log in as {} (channel manager), {} (inside sales) "
                        + "or a partner rep such as nina (Northwind Systems), password '{}'",
                partnerRepository.findAll().size(), count(null), byStatus, DemoUsers.CHANNEL_MANAGER,
                DemoUsers.INSIDE_SALES, DemoUsers.PASSWORD);
    }

    private long count(LeadStatus status) {
        return search.find(new LeadSearch.Criteria(status, null, null, null, null), 0, 1).total();
    }
}
