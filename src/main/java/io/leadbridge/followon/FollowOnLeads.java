package io.leadbridge.followon;

import io.leadbridge.accountview.FollowOnRules;
import io.leadbridge.accountview.FollowOnRules.FollowOn;
import io.leadbridge.config.LeadClock;
import io.leadbridge.intake.LeadIntake;
import io.leadbridge.intake.LeadSubmission;
import io.leadbridge.lead.FollowOnLog;
import io.leadbridge.lead.FollowOnLog.FollowOnLead;
import io.leadbridge.lead.Lead;
import io.leadbridge.lead.LeadEvent;
import io.leadbridge.lead.LeadRepository;
import io.leadbridge.opportunity.Opportunity;
import io.leadbridge.opportunity.OpportunityRepository;
import io.leadbridge.opportunity.OpportunityStage;
import io.leadbridge.prospect.Account;
import io.leadbridge.prospect.Contact;
import io.leadbridge.prospect.ProspectRepository;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the follow-on leads that are due. For every product of every won deal the {@code followOn}
 * table says, given the months since the win, what the customer buys next and how many months after
 * the win to offer it; once that day has come on the engine's clock, and no follow-on of that win,
 * product and follow-on product was created before, a lead is created for the contact of the won
 * lead, through the normal intake (source and campaign {@value #SOURCE}), and recorded with the
 * partner that won the account, protected on it for the table's days.
 *
 * <p>Each won deal's follow-ons are created in one transaction of their own; one that fails is logged
 * and tried again at the next check, the others go on. Two nodes checking at
 * once: the second insert of the same record breaks its primary key, that transaction rolls back
 * with its lead, and the follow-on exists once.
 */
@Service
public class FollowOnLeads {

    /** The source and campaign of every follow-on lead. */
    public static final String SOURCE = "follow-on";

    private static final Logger log = LoggerFactory.getLogger(FollowOnLeads.class);

    private final JdbcClient jdbc;
    private final FollowOnRules rules;
    private final LeadIntake intake;
    private final LeadRepository leads;
    private final ProspectRepository prospects;
    private final OpportunityRepository opportunities;
    private final FollowOnLog followOns;
    private final LeadClock clock;
    private final TransactionTemplate transaction;

    FollowOnLeads(JdbcClient jdbc, FollowOnRules rules, LeadIntake intake, LeadRepository leads,
            ProspectRepository prospects, OpportunityRepository opportunities, FollowOnLog followOns, LeadClock clock,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.intake = intake;
        this.leads = leads;
        this.prospects = prospects;
        this.opportunities = opportunities;
        this.followOns = followOns;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Creates every follow-on lead due now; answers the ids of the leads created. */
    public List<Long> createDue() {
        List<Long> won = jdbc.sql("""
                select lead_id from opportunity where stage = 'WON' and closed_at is not null
                order by closed_at, lead_id""").query(Long.class).list();
        List<Long> created = new ArrayList<>();
        for (long wonLeadId : won) {
            try {
                created.addAll(transaction.execute(status -> createDue(wonLeadId)));
            } catch (DuplicateKeyException another) {
                log.info("lead {}: its due follow-on leads were created by another node", wonLeadId);
            } catch (RuntimeException failed) {
                // One won deal the table or intake cannot take (a broken row, a vanished contact) must
                // not hold up the others: its follow-ons are tried again at the next check.
                log.warn("lead {}: its due follow-on leads could not be created, tried again at the next check: {}",
                        wonLeadId, failed.toString());
            }
        }
        return created;
    }

    private List<Long> createDue(long wonLeadId) {
        Opportunity won = opportunities.find(wonLeadId).orElseThrow();
        if (won.stage() != OpportunityStage.WON || won.closedAt() == null) {
            return List.of();
        }
        Lead lead = leads.get(wonLeadId);
        Account account = prospects.account(lead.accountId());
        LocalDate wonOn = LocalDate.ofInstant(won.closedAt(), ZoneOffset.UTC);
        LocalDate today = LocalDate.ofInstant(clock.now(), ZoneOffset.UTC);
        int months = (int) Math.max(0, ChronoUnit.MONTHS.between(wonOn, today));
        List<String> bought = won.products() == null || won.products().isEmpty() ? List.of(lead.product())
                : won.products();
        List<Long> created = new ArrayList<>();
        for (String product : bought) {
            FollowOn next = rules.next(product, lead.segment(), account.industry(), months).orElse(null);
            if (next == null || months < next.offerAfterMonths()
                    || followOns.exists(wonLeadId, product, next.product())) {
                continue;
            }
            created.add(create(lead, won, account, product, next, wonOn.plusMonths(next.offerAfterMonths())));
        }
        return created;
    }

    private long create(Lead won, Opportunity opportunity, Account account, String productBought, FollowOn next,
            LocalDate dueOn) {
        Contact contact = prospects.contact(won.contactId());
        LeadSubmission submission = new LeadSubmission(externalId(won.id(), productBought, next.product()), SOURCE,
                SOURCE, next.product(), won.score(),
                new LeadSubmission.Contact(contact.firstName(), contact.lastName(), contact.email(), contact.phone(),
                        contact.title()),
                new LeadSubmission.Account(account.name(), account.domain(), account.industry(), account.country(),
                        account.employees(), account.annualRevenue(), account.region()),
                "Follow-on of lead " + won.id() + ": " + productBought + " was won on "
                        + LocalDate.ofInstant(opportunity.closedAt(), ZoneOffset.UTC) + "; the follow-on table offers "
                        + next.product() + " " + next.offerAfterMonths() + " months after the win.");
        long leadId = intake.receive(submission, LeadEvent.SYSTEM).lead().id();
        Instant now = clock.now();
        String winner = opportunity.partnerId();
        Instant until = winner == null || next.protectionDays() == 0 ? null
                : now.plus(Duration.ofDays(next.protectionDays()));
        followOns.record(new FollowOnLead(leadId, won.id(), followOns.rootOf(won.id()), productBought,
                next.product(), winner, until, now), account.id(), opportunity.closedAt(), dueOn,
                next.protectionDays());
        log.info("lead {}: follow-on of won lead {} ({} after {}), partner {} protected until {}", leadId, won.id(),
                next.product(), productBought, winner, until);
        return leadId;
    }

    /** The follow-on's external id: the won lead and both products, so intake, too, takes it in once. */
    static String externalId(long wonLeadId, String productBought, String followOnProduct) {
        String id = "won-" + wonLeadId + "-" + slug(productBought) + "-" + slug(followOnProduct);
        return id.length() <= 120 ? id
                : "won-" + wonLeadId + "-" + Integer.toHexString((productBought + "\n" + followOnProduct).hashCode());
    }

    private static String slug(String product) {
        return product.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
