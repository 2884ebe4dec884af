package io.leadbridge.dealregistration;

import io.leadbridge.config.LeadClock;
import io.leadbridge.prospect.Account;
import io.leadbridge.routing.AccountProtectionRules;
import io.leadbridge.routing.AccountProtectionRules.Protection;
import io.leadbridge.routing.DecisionInputs;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The automatic conflict check of a registration, most serious finding first: another partner
 * protected on the account (the named-account table or an approved registration), the same
 * partner's own open or approved registration (a duplicate), another partner's open lead, another
 * partner's open registration for the same account and product.
 */
@Component
class DealConflicts {

    /** Lead statuses in which a partner works the lead. */
    private static final List<String> WORKED = List.of("OFFERED", "ACCEPTED", "CONTACTED", "OPPORTUNITY");

    private final AccountProtectionRules namedAccounts;
    private final DealRegistrationRepository registrations;
    private final JdbcClient jdbc;
    private final LeadClock clock;

    DealConflicts(AccountProtectionRules namedAccounts, DealRegistrationRepository registrations, JdbcClient jdbc,
            LeadClock clock) {
        this.namedAccounts = namedAccounts;
        this.registrations = registrations;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Finding check(DealRegistration registration, Account account) {
        String partnerId = registration.partnerId();
        Map<String, Object> facts = new HashMap<>();
        facts.put(DecisionInputs.ACCOUNT_DOMAIN, account.domain());
        facts.put(DecisionInputs.ACCOUNT_NAME, account.name());
        facts.put(DecisionInputs.COUNTRY, account.country());
        Protection named = namedAccounts.evaluate(facts);
        if (named.isProtected() && !partnerId.equals(named.partnerId())) {
            return new Finding(DealConflict.PROTECTED_FOR_ANOTHER_PARTNER, "named account of another partner");
        }
        List<DealRegistration> holding = registrations.holdingAccount(registration.accountId(),
                registration.products(), registration.id(), clock.now());
        for (DealRegistration other : holding) {
            if (other.status() == DealStatus.APPROVED && !other.partnerId().equals(partnerId)) {
                return new Finding(DealConflict.PROTECTED_FOR_ANOTHER_PARTNER,
                        "approved registration " + other.id() + " of another partner");
            }
        }
        for (DealRegistration other : holding) {
            if (other.partnerId().equals(partnerId)) {
                return new Finding(DealConflict.DUPLICATE, "your registration " + other.id() + " is "
                        + other.status());
            }
        }
        List<Long> openLeads = jdbc.sql("""
                select id from lead
                where account_id = :account and product in (:products) and partner_id is not null
                  and partner_id <> :partner and status in (:worked)
                order by id""")
                .param("account", registration.accountId()).param("products", registration.products())
                .param("partner", partnerId).param("worked", WORKED)
                .query(Long.class).list();
        if (!openLeads.isEmpty()) {
            return new Finding(DealConflict.OPEN_LEAD_OF_ANOTHER_PARTNER, "open lead " + openLeads.get(0)
                    + " of another partner");
        }
        if (!holding.isEmpty()) {
            return new Finding(DealConflict.OPEN_DEAL_OF_ANOTHER_PARTNER, "open registration " + holding.get(0).id()
                    + " of another partner");
        }
        return new Finding(DealConflict.NONE, null);
    }

    /** What the check found, and which record it found (for the reviewer; never shown to the partner). */
    record Finding(DealConflict conflict, String detail) {
    }
}
