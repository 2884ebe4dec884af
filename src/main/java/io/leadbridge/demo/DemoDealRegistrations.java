package io.leadbridge.demo;

import io.leadbridge.config.LeadClock;
import io.leadbridge.config.LeadbridgeProperties;
import io.leadbridge.dealregistration.DealRegistration;
import io.leadbridge.dealregistration.DealRegistrationRequest;
import io.leadbridge.dealregistration.DealRegistrations;
import io.leadbridge.dealregistration.DealUpdate;
import io.leadbridge.opportunity.DealAction;
import io.leadbridge.opportunity.OpportunityStage;
import io.leadbridge.partner.Partner;
import io.leadbridge.partner.PartnerRepository;
import io.leadbridge.security.Caller;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo's deal registrations, made once the demo partners exist (after {@link DemoData} ran):
 * one approved at once and moved on to a proposal, one approved and won, one in a channel manager's
 * review (in US dollars), one rejected because the account is another partner's named account.
 */
@Component
class DemoDealRegistrations {

    private static final Logger log = LoggerFactory.getLogger(DemoDealRegistrations.class);

    private final LeadbridgeProperties properties;
    private final PartnerRepository partners;
    private final DealRegistrations registrations;
    private final LeadClock clock;

    DemoDealRegistrations(LeadbridgeProperties properties, PartnerRepository partners,
            DealRegistrations registrations, LeadClock clock) {
        this.properties = properties;
        this.partners = partners;
        this.registrations = registrations;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        if (!properties.demoData() || partners.findById("northwind-systems").isEmpty()
                || !registrations.list(new Caller("demo", Set.of()), null, 1).isEmpty()) {
            return;
        }
        LocalDate inAQuarter = LocalDate.ofInstant(clock.now(), ZoneOffset.UTC).plusMonths(3);
        Caller nina = new Caller("nina", Set.of(Partner.groupIdOf("northwind-systems")));
        DealRegistration contoso = register("nina", "northwind-systems", deal("Contoso Retail",
                "contoso-retail.example", "US", "Cloud Platform", "180000", "EUR", inAQuarter,
                "the CIO asked at our partner summit"));
        registrations.update(contoso.id(), new DealUpdate(DealAction.UPDATE, OpportunityStage.PROPOSAL,
                new BigDecimal("175000"), null, null, "proposal sent to the CIO"), nina);
        DealRegistration tailspin = register("nina", "northwind-systems", deal("Tailspin Toys",
                "tailspin-toys.example", "US", "Analytics", "60000", "EUR", inAQuarter, "a customer's referral"));
        registrations.update(tailspin.id(), new DealUpdate(DealAction.WON, null, new BigDecimal("58000"), null, null,
                "signed for three years"), nina);
        register("will", "woodgrove-digital", deal("Fabrikam Foods", "fabrikam-foods.example", "US",
                "Security", "120000", "USD", inAQuarter, "renewal of their firewall contract"));
        register("paul", "proseware", deal("Globex Corporation", "globex.com", "US",
                "Cloud Platform", "30000", "EUR", inAQuarter, "a cold call"));
    }

    private DealRegistration register(String rep, String partnerId, DealRegistrationRequest request) {
        DealRegistration deal = registrations.register(request,
                new Caller(rep, Set.of(Partner.groupIdOf(partnerId))));
        log.info("Demo data: deal registration {} of {} for {}: {}", deal.id(), partnerId, deal.accountName(),
                deal.status());
        return deal;
    }

    private static DealRegistrationRequest deal(String account, String domain, String country, String product,
            String amount, String currency, LocalDate close, String foundHow) {
        return new DealRegistrationRequest(new DealRegistrationRequest.Account(account, domain, null, country),
                new DealRegistrationRequest.Contact("Casey", "Customer", "casey@" + domain, null, null),
                List.of(product), new BigDecimal(amount), currency, close, foundHow);
    }
}
