package io.leadbridge.accountview;

import io.leadbridge.config.LeadClock;
import io.leadbridge.dealregistration.DealRegistration;
import io.leadbridge.dealregistration.DealRegistrations;
import io.leadbridge.dealregistration.DealStatus;
import io.leadbridge.lead.FollowOnLog;
import io.leadbridge.lead.FollowOnLog.FollowOnLead;
import io.leadbridge.lead.Lead;
import io.leadbridge.leadview.LeadView;
import io.leadbridge.leadview.LeadViews;
import io.leadbridge.opportunity.Opportunity;
import io.leadbridge.opportunity.OpportunityRepository;
import io.leadbridge.opportunity.OpportunityStage;
import io.leadbridge.partner.PartnerService;
import io.leadbridge.prospect.Account;
import io.leadbridge.prospect.ProspectRepository;
import io.leadbridge.reporting.ExchangeRates;
import io.leadbridge.reporting.ReportingProperties;
import io.leadbridge.security.Caller;
import io.leadbridge.web.ApiException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds accounts and shows one. What a partner user sees rests on the lead API's rule
 * ({@link LeadViews#visibleLeadOrNull}: the leads its partner holds, or is offered in an open
 * competition), here as SQL for the search and lead by lead for the account itself, where every
 * lead is shown as {@link LeadViews#detail} cuts it for the caller (its deal, its timeline without
 * other partners' steps).
 */
@Service
class AccountDirectory {

    /** A lead the caller's partner may see, for a lead {@code l} (the lead API's rule in SQL). */
    private static final String PARTNER_SEES_LEAD = " and (l.partner_id = :partner"
            + " or exists (select 1 from lead_offer o where o.lead_id = l.id and o.partner_id = :partner"
            + " and o.outcome is null))";

    private final JdbcClient jdbc;
    private final LeadViews views;
    private final ProspectRepository prospects;
    private final PartnerService partners;
    private final ExchangeRates rates;
    private final ReportingProperties reporting;
    private final OpportunityRepository opportunities;
    private final FollowOnRules followOns;
    private final LeadClock clock;
    private final FollowOnLog followOnLog;
    private final DealRegistrations deals;

    AccountDirectory(JdbcClient jdbc, LeadViews views, ProspectRepository prospects, PartnerService partners,
            ExchangeRates rates, ReportingProperties reporting, OpportunityRepository opportunities,
            FollowOnRules followOns, LeadClock clock, FollowOnLog followOnLog, DealRegistrations deals) {
        this.followOnLog = followOnLog;
        this.deals = deals;
        this.opportunities = opportunities;
        this.followOns = followOns;
        this.clock = clock;
        this.jdbc = jdbc;
        this.views = views;
        this.prospects = prospects;
        this.partners = partners;
        this.rates = rates;
        this.reporting = reporting;
    }

    /** Accounts whose name and domain contain the given texts (any case) in the given country, by name. */
    @Transactional(readOnly = true)
    public AccountPage search(String name, String domain, String country, int page, int size, Caller caller) {
        String visible = caller.isPartnerUser() ? PARTNER_SEES_LEAD : "";
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (name != null) {
            where.add("lower(a.name) like :name escape '!'");
            params.put("name", contains(name));
        }
        if (domain != null) {
            where.add("lower(a.domain) like :domain escape '!'");
            params.put("domain", contains(domain));
        }
        if (country != null) {
            where.add("a.country = :country");
            params.put("country", country);
        }
        if (caller.isPartnerUser()) {
            where.add("(exists (select 1 from lead l where l.account_id = a.id" + visible + ")"
                    + " or exists (select 1 from deal_registration d where d.account_id = a.id"
                    + " and d.partner_id = :partner))");
            params.put("partner", caller.partnerId());
        }
        String condition = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        long total = jdbc.sql("select count(*) from account a" + condition).params(params).query(Long.class).single();
        params.put("offset", (long) page * size);
        params.put("size", size);
        List<AccountPage.AccountSummary> items = jdbc.sql("select a.id, a.name, a.domain, a.country, a.industry,"
                        + " (select count(*) from lead l where l.account_id = a.id" + visible + ") as leads,"
                        + " (select count(*) from lead l join opportunity op on op.lead_id = l.id"
                        + " where l.account_id = a.id and op.stage = 'WON'" + visible + ") as won_deals"
                        + " from account a" + condition
                        + " order by lower(a.name), a.id offset :offset rows fetch next :size rows only")
                .params(params)
                .query((rs, i) -> new AccountPage.AccountSummary(rs.getLong("id"), rs.getString("name"),
                        rs.getString("domain"), rs.getString("country"), rs.getString("industry"), rs.getLong("leads"),
                        rs.getLong("won_deals")))
                .list();
        return new AccountPage(items, page, size, total);
    }

    /**
     * 404 for an account that does not exist; 403 for a partner user whose partner may see none of its
     * leads. Not read-only: the engine evaluates the follow-on table, and may keep its history.
     */
    @Transactional
    public AccountDetail detail(long id, Caller caller) {
        boolean exists = jdbc.sql("select count(*) from account where id = :id").param("id", id)
                .query(Long.class).single() > 0;
        if (!exists) {
            throw ApiException.notFound("account " + id + " does not exist");
        }
        List<Lead> visible = jdbc.sql("select id from lead where account_id = :id order by created_at, id")
                .param("id", id).query(Long.class).list().stream()
                .map(leadId -> views.visibleLeadOrNull(leadId, caller)).filter(Objects::nonNull).toList();
        List<DealRegistration> registered = deals.ofAccount(id, caller);
        if (caller.isPartnerUser() && visible.isEmpty() && registered.isEmpty()) {
            throw ApiException.forbidden("account " + id + " has no lead your partner holds and no deal it registered");
        }
        List<LeadView> leads = visible.stream().map(lead -> views.detail(lead, caller)).toList();
        List<Opportunity> opportunities = visible.stream().map(lead -> this.opportunities.find(lead.id()))
                .flatMap(Optional::stream).toList();
        Account account = prospects.account(id);
        Map<Long, FollowOnLead> followOnLeads = followOnLog.of(visible.stream().map(Lead::id).toList());
        return new AccountDetail(account.id(), account.name(), account.domain(), account.industry(),
                account.country(), account.region(), account.employees(), account.annualRevenue(), contacts(leads),
                leadLines(leads, followOnLeads, caller), dealLines(registered), opportunities,
                won(opportunities, registered),
                buyAgain(opportunities, leads, account, followOnLeads), timeline(leads));
    }

    private static List<LeadView.ContactView> contacts(List<LeadView> leads) {
        Map<String, LeadView.ContactView> byEmail = new LinkedHashMap<>();
        leads.stream().map(LeadView::contact).filter(Objects::nonNull)
                .forEach(c -> byEmail.putIfAbsent(c.email(), c));
        return List.copyOf(byEmail.values());
    }

    private List<AccountDetail.LeadLine> leadLines(List<LeadView> leads, Map<Long, FollowOnLead> followOnLeads,
            Caller caller) {
        Map<String, String> names = new HashMap<>();
        return leads.stream().map(l -> {
            FollowOnLead f = followOnLeads.get(l.id());
            return new AccountDetail.LeadLine(l.id(), l.status().name(), l.product(), l.campaign(), l.partnerId(),
                    l.partnerId() == null ? null : names.computeIfAbsent(l.partnerId(), p -> partners.get(p).name()),
                    l.repUsername(), l.protectedAccount(), l.createdAt(), f != null,
                    f == null ? null : new AccountDetail.FollowOnOf(f.wonLeadId(), f.productBought(),
                            caller.isPartnerUser() && !caller.partnerId().equals(f.partnerId()) ? null : f.partnerId(),
                            f.protectedUntil()));
        }).toList();
    }

    private List<AccountDetail.DealLine> dealLines(List<DealRegistration> registered) {
        Map<String, String> names = new HashMap<>();
        return registered.stream().map(d -> new AccountDetail.DealLine(d.id(), d.status().name(), d.partnerId(),
                names.computeIfAbsent(d.partnerId(), p -> partners.get(p).name()), d.registeredBy(), d.products(),
                d.amount(), d.currency(), d.pipeline().stage() == null ? null : d.pipeline().stage().name(),
                d.expectedCloseDate(), d.registeredAt(), d.protectedUntil(), d.pipeline().closedAt())).toList();
    }

    /** The deals won through a lead's opportunity or a registration, by the day they were won. */
    private List<AccountDetail.WonDeal> won(List<Opportunity> opportunities, List<DealRegistration> registered) {
        List<AccountDetail.WonDeal> won = new ArrayList<>();
        opportunities.stream().filter(o -> o.stage() == OpportunityStage.WON && o.closedAt() != null)
                .forEach(o -> {
                    BigDecimal value = o.finalAmount() != null ? o.finalAmount() : o.amount();
                    won.add(new AccountDetail.WonDeal(o.leadId(), null, o.products(), o.closedAt(), value,
                            o.currency(), converted(value, o.currency(), o.closedAt()), reporting.currency(),
                            o.partnerId()));
                });
        registered.stream().filter(d -> d.status() == DealStatus.WON && d.pipeline().closedAt() != null)
                .forEach(d -> {
                    Instant wonAt = d.pipeline().closedAt();
                    BigDecimal value = d.pipeline().finalAmount() != null ? d.pipeline().finalAmount() : d.amount();
                    won.add(new AccountDetail.WonDeal(null, d.id(), d.products(), wonAt, value, d.currency(),
                            converted(value, d.currency(), wonAt), reporting.currency(), d.partnerId()));
                });
        won.sort(Comparator.comparing(AccountDetail.WonDeal::wonAt));
        return won;
    }

    /** The amount at the rate of its month; null when that month has no rate. */
    private BigDecimal converted(BigDecimal value, String currency, Instant at) {
        return rates.rate(currency, YearMonth.from(at.atZone(ZoneOffset.UTC)))
                .map(rate -> value.multiply(rate).setScale(2, RoundingMode.HALF_UP)).orElse(null);
    }

    /** For each product of each won deal, the follow-on the table names, if any, judged by the months since the win. */
    private List<AccountDetail.BuyAgain> buyAgain(List<Opportunity> opportunities, List<LeadView> leads,
            Account account, Map<Long, FollowOnLead> followOnLeads) {
        LocalDate today = LocalDate.ofInstant(clock.now(), ZoneOffset.UTC);
        List<AccountDetail.BuyAgain> next = new ArrayList<>();
        for (Opportunity won : opportunities) {
            if (won.stage() != OpportunityStage.WON || won.closedAt() == null) {
                continue;
            }
            LeadView lead = leads.stream().filter(l -> l.id() == won.leadId()).findFirst().orElseThrow();
            LocalDate wonOn = LocalDate.ofInstant(won.closedAt(), ZoneOffset.UTC);
            int months = (int) Math.max(0, ChronoUnit.MONTHS.between(wonOn, today));
            List<String> products = won.products() == null || won.products().isEmpty() ? List.of(lead.product())
                    : won.products();
            for (String product : products) {
                followOns.next(product, lead.segment(), account.industry(), months).ifPresent(f -> next.add(
                        new AccountDetail.BuyAgain(won.leadId(), product, won.closedAt(), f.product(),
                                wonOn.plusMonths(f.offerAfterMonths()), won.partnerId(), f.protectionDays(),
                                followOnLeadId(followOnLeads, won.leadId(), product, f.product()))));
            }
        }
        return next;
    }

    /** The follow-on lead created for this win, product and follow-on product, if the caller sees it. */
    private static Long followOnLeadId(Map<Long, FollowOnLead> followOnLeads, long wonLeadId, String bought,
            String product) {
        return followOnLeads.values().stream()
                .filter(f -> f.wonLeadId() == wonLeadId && f.productBought().equals(bought)
                        && f.product().equals(product))
                .map(FollowOnLead::leadId).findFirst().orElse(null);
    }

    private static List<AccountDetail.TimelineEntry> timeline(List<LeadView> leads) {
        List<AccountDetail.TimelineEntry> entries = new ArrayList<>();
        for (LeadView lead : leads) {
            lead.events().forEach(e -> entries.add(new AccountDetail.TimelineEntry(lead.id(), e.type(), e.at(),
                    e.actor(), e.partnerId(), e.detail())));
        }
        entries.sort(Comparator.comparing(AccountDetail.TimelineEntry::at));
        return entries;
    }

    /** A LIKE pattern for text anywhere, lower-cased, with the pattern's own characters escaped by '!'. */
    private static String contains(String text) {
        return "%" + text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
