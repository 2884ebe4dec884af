package io.leadbridge.reporting;

import io.leadbridge.lead.LeadEvent;
import io.leadbridge.lead.LeadEventType;
import io.leadbridge.lead.Reactions;
import io.leadbridge.prospect.AccountUpdated;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the report facts ({@code report_lead}, {@code report_offer}) in step with the leads, in the
 * same transaction as the writes that change them. Every change to a lead, its offers, its
 * opportunity or its strikes comes with an event on the lead's timeline: the leads with an event
 * in a transaction have their facts worked out anew just before it commits, when all its writes
 * are done (and taken back with them if it rolls back). An account refreshed with a new place or
 * industry passes them on to its leads' facts.
 * <p>
 * Events that only say someone was told something ({@link #TOLD_ONLY}: a mail stored, a reminder
 * given) change no fact and come with no other change to the lead: they start no refresh. They are
 * the most frequent events (a re-offer brings four to six), and a refresh locks the lead and
 * rewrites its rows and every offer's.
 */
@Component
public class ReportFacts {

    /** Leads refreshed per statement: well below the bind parameters a statement may have. */
    private static final int CHUNK = 1000;

    /** Events after which a lead's facts are what they were: nothing about the lead changed but who knows. */
    static final Set<LeadEventType> TOLD_ONLY = EnumSet.of(LeadEventType.NOTIFIED, LeadEventType.REMINDED);

    private final JdbcClient jdbc;

    ReportFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Order(Reactions.REPORT_FACTS)
    void on(LeadEvent event) {
        if (TOLD_ONLY.contains(event.type())) {
            return;
        }
        pending().ifPresentOrElse(p -> p.leads.add(event.leadId()), () -> refresh(List.of(event.leadId())));
    }

    @EventListener
    void on(AccountUpdated event) {
        pending().ifPresentOrElse(p -> p.accounts.add(event.accountId()),
                () -> refreshAccounts(List.of(event.accountId())));
    }

    /**
     * Works out the facts of these leads and all their offers anew from the lifecycle's tables.
     * Each lead's row is locked first, so that two transactions refreshing the same lead take turns.
     */
    public void refresh(Iterable<Long> leadIds) {
        List<Long> all = new ArrayList<>(new TreeSet<>(toList(leadIds)));
        for (int from = 0; from < all.size(); from += CHUNK) {
            refreshSorted(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
    }

    private void refreshSorted(List<Long> leads) {
        jdbc.sql("select id from lead where id in (:leads) order by id for update").param("leads", leads)
                .query(Long.class).list();
        jdbc.sql("delete from report_offer where lead_id in (:leads)").param("leads", leads).update();
        jdbc.sql("delete from report_lead where lead_id in (:leads)").param("leads", leads).update();
        jdbc.sql(ReportFactQueries.leads()).param("leads", leads).update();
        jdbc.sql(ReportFactQueries.offersOfLeads()).param("leads", leads).update();
    }

    /**
     * Copies the accounts' country, region and industry to their leads' facts where they differ.
     * The leads' rows are locked first, in order of id, as {@link #refresh} locks them: a job that
     * refreshes one of these leads at the same moment (routing an earlier lead of the company) is
     * waited for before any fact row is touched, instead of each holding fact rows the other wants
     * (a deadlock that cost the job a run). The transaction's own new lead has no facts yet and is
     * locked after them by {@link #refresh}.
     */
    void refreshAccounts(Iterable<Long> accountIds) {
        List<Long> accounts = toList(accountIds);
        if (accounts.isEmpty()) {
            return;
        }
        jdbc.sql("""
                select id from lead where id in (select lead_id from report_lead where account_id in (:accounts))
                order by id for update""").param("accounts", accounts).query(Long.class).list();
        for (FactTable table : FactTable.values()) {
            jdbc.sql(table.copyAccountFacts()).param("accounts", accounts).update();
        }
    }

    /** The refresh waiting for this transaction's commit, registered with its first change; none outside one. */
    private Optional<BeforeCommit> pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return Optional.empty();
        }
        for (TransactionSynchronization registered : TransactionSynchronizationManager.getSynchronizations()) {
            if (registered instanceof BeforeCommit refresh && refresh.owner() == this) {
                return Optional.of(refresh);
            }
        }
        BeforeCommit refresh = new BeforeCommit(this, new TreeSet<>(), new TreeSet<>());
        TransactionSynchronizationManager.registerSynchronization(refresh);
        return Optional.of(refresh);
    }

    private static List<Long> toList(Iterable<Long> ids) {
        List<Long> list = new ArrayList<>();
        ids.forEach(list::add);
        return list;
    }

    /**
     * The leads and accounts changed in one transaction, refreshed just before it commits: first
     * of the work done then, so that a transaction takes its leads' row locks before any lock that
     * every committing transaction takes (such as routing's revision of partner counts), never
     * the other way round.
     */
    private record BeforeCommit(ReportFacts owner, Set<Long> leads, Set<Long> accounts)
            implements TransactionSynchronization {

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            owner.refreshAccounts(accounts);
            owner.refresh(leads);
        }
    }

    /** The two fact tables, and how a row of each finds its lead's account. */
    private enum FactTable {
        REPORT_LEAD("report_lead", "a.id = f.account_id", "f.account_id in (:accounts)"),
        REPORT_OFFER("report_offer", "a.id = (select rl.account_id from report_lead rl where rl.lead_id = f.lead_id)",
                "f.lead_id in (select rl.lead_id from report_lead rl where rl.account_id in (:accounts))");

        private final String table;
        /** The condition on {@code account a} that picks the account of the fact row {@code f}. */
        private final String ofAccount;
        /** The condition on {@code f} that picks the rows of the leads of the accounts {@code :accounts}. */
        private final String ofAccounts;

        FactTable(String table, String ofAccount, String ofAccounts) {
            this.table = table;
            this.ofAccount = ofAccount;
            this.ofAccounts = ofAccounts;
        }

        /** Copies the accounts' country, region and industry to the rows of their leads where they differ. */
        String copyAccountFacts() {
            return "update " + table + " f set"
                    + "\n    country = " + ofAccount("country") + ","
                    + "\n    region = " + ofAccount("region") + ","
                    + "\n    industry = " + ofAccount("industry")
                    + "\nwhere " + ofAccounts + " and exists (select 1 from account a where " + ofAccount
                    + "\n    and (a.country is distinct from f.country or a.region is distinct from f.region"
                    + "\n         or a.industry is distinct from f.industry))";
        }

        /** The account's {@code column} for the fact row {@code f}. */
        private String ofAccount(String column) {
            return "(select a." + column + " from account a where " + ofAccount + ")";
        }
    }
}
