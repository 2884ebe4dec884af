package io.leadbridge.routing;

import io.leadbridge.config.LeadClock;
import io.leadbridge.lead.PartnerRecordChanged;
import io.leadbridge.lead.Reactions;
import io.leadbridge.partner.PartnerRepository;
import io.leadbridge.routing.PartnerPerformance.Counts;
import io.leadbridge.routing.PartnerPerformance.Rates;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What routing needs to know about each partner's record, kept in table
 * {@code partner_routing_stats} so that a choice among thousands of partners reads no history:
 * open leads (open offers plus accepted leads still worked) and the 90-day counts behind the
 * rates of {@link PartnerPerformance}. Code that changes offers, leads or strikes publishes a
 * {@link PartnerRecordChanged} lead event, heard here in its transaction; just before that
 * transaction commits, the partners it touched are recounted
 * with the very queries {@link PartnerPerformance} and {@link PartnerRepository#openLeadCounts}
 * run, so the numbers are theirs exactly. Writers take the one row of
 * {@code partner_routing_revision} first (partners then in id order): they are serialized, and
 * the revisions they give their rows commit in order. Each node keeps the rows in memory and reads
 * only those with a revision above the last it saw. Counts of a 90-day window go out of date when
 * their oldest fact leaves it (or the clock goes back before they were counted): such a partner is
 * recounted for the choice and written with the transaction.
 */
@Component
public class PartnerRoutingStats {

    private final JdbcClient jdbc;
    private final LeadClock clock;
    private final PartnerPerformance performance;
    private final PartnerRepository partners;
    private final TransactionTemplate ownTransaction;
    private final Map<String, Entry> known = new ConcurrentHashMap<>();
    private long seen = -1;

    PartnerRoutingStats(JdbcClient jdbc, LeadClock clock, PartnerPerformance performance, PartnerRepository partners,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.performance = performance;
        this.partners = partners;
        this.ownTransaction = new TransactionTemplate(transactions);
    }

    /** A partner's open leads and 90-day counts, as counted at {@code countedAt}, and the rates they give. */
    record Entry(int openLeads, Counts counts, Instant countedAt, Rates rates) {

        Entry(int openLeads, Counts counts, Instant countedAt) {
            this(openLeads, counts, countedAt, counts.rates());
        }

        /** Whether the 90-day counts still hold at {@code now}. */
        boolean holdsAt(Instant now) {
            Instant until = counts.validUntil();
            return !now.isBefore(countedAt) && (until == null || !now.isAfter(until));
        }
    }

    /** The partner's offers, leads or strikes changed in the current transaction. */
    @EventListener
    @Order(Reactions.ROUTING_STATS)
    void on(PartnerRecordChanged change) {
        changed(change.partnerId());
    }

    /** The partner's offers, leads or strikes changed in the current transaction. */
    void changed(String partnerId) {
        if (partnerId == null) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            ownTransaction.executeWithoutResult(status -> write(Set.of(partnerId)));
            return;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.partnerIds.add(partnerId);
    }

    /** Partners touched in the current transaction, recounted (and written) just before it commits. */
    private final class Pending implements TransactionSynchronization {

        private final Set<String> partnerIds = new TreeSet<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!partnerIds.isEmpty()) {
                write(partnerIds);
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(PartnerRoutingStats.this);
        }
    }

    private Set<String> pendingHere() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return Set.of();
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        return pending == null ? Set.of() : pending.partnerIds;
    }

    /** Recounts every partner: after data was loaded or corrected by hand, around the application. */
    public void recountAll() {
        List<String> all = jdbc.sql("select id from partner order by id").query(String.class).list();
        ownTransaction.executeWithoutResult(status -> write(all));
    }

    /** Recounts the partners and writes their rows under a new revision (in the caller's transaction). */
    private void write(Collection<String> partnerIds) {
        jdbc.sql("update partner_routing_revision set revision = revision + 1").update();
        long revision = jdbc.sql("select revision from partner_routing_revision").query(Long.class).single();
        Map<String, Entry> entries = count(partnerIds);
        for (String partnerId : new TreeSet<>(partnerIds)) {
            Entry entry = entries.get(partnerId);
            Counts c = entry.counts();
            Instant until = c.validUntil();
            UnaryOperator<JdbcClient.StatementSpec> values = q -> q.param("id", partnerId)
                    .param("open", entry.openLeads()).param("offers", c.offers()).param("answered", c.answered())
                    .param("accepted", c.accepted()).param("strikes", c.strikes()).param("won", c.won())
                    .param("lost", c.lost()).param("countedAt", Timestamp.from(entry.countedAt()))
                    .param("until", until == null ? null : Timestamp.from(until), Types.TIMESTAMP)
                    .param("revision", revision);
            int updated = values.apply(jdbc.sql("""
                    update partner_routing_stats set open_leads = :open, offers = :offers, answered = :answered,
                           accepted = :accepted, strikes = :strikes, won = :won, lost = :lost,
                           counted_at = :countedAt, valid_until = :until, revision = :revision
                    where partner_id = :id""")).update();
            if (updated == 0) {
                values.apply(jdbc.sql("""
                        insert into partner_routing_stats (partner_id, open_leads, offers, answered, accepted, strikes,
                                                           won, lost, counted_at, valid_until, revision)
                        values (:id, :open, :offers, :answered, :accepted, :strikes, :won, :lost, :countedAt,
                                :until, :revision)""")).update();
            }
        }
    }

    /** Counts the partners from the offers, leads and strikes now. */
    private Map<String, Entry> count(Collection<String> partnerIds) {
        Instant now = clock.now();
        Map<String, Entry> entries = new HashMap<>();
        List<String> ids = List.copyOf(partnerIds);
        for (int from = 0; from < ids.size(); from += 1000) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
            Map<String, Integer> open = partners.openLeadCounts(chunk);
            performance.counts(chunk, now).forEach((id, counts) ->
                    entries.put(id, new Entry(open.getOrDefault(id, 0), counts, now)));
        }
        return entries;
    }

    /**
     * The partners' open leads and 90-day counts for a choice made now: the rows other
     * transactions committed, partners touched in this one and counts gone out of date recounted.
     * The answer reads the kept rows through (only the recounted partners are held apart), so a
     * choice among thousands of partners does not copy them.
     */
    Map<String, Entry> forChoice(Collection<String> partnerIds) {
        refresh();
        Instant now = clock.now();
        Set<String> pending = pendingHere();
        List<String> recount = new ArrayList<>();
        for (String id : partnerIds) {
            Entry entry = known.get(id);
            if (entry == null || pending.contains(id) || !entry.holdsAt(now)) {
                recount.add(id);
            }
        }
        Map<String, Entry> recounted = recount.isEmpty() ? Collections.emptyMap() : count(recount);
        // Kept for the next choice, too: written with this transaction.
        recount.forEach(this::changed);
        return new Overlay(recounted, known, List.copyOf(partnerIds));
    }

    /**
     * The recounted partners' entries, the others' as kept: answers for the partners asked for
     * (iterating them alone), without copying thousands of kept rows for each choice.
     */
    private static final class Overlay extends AbstractMap<String, PartnerRoutingStats.Entry> {

        private final Map<String, PartnerRoutingStats.Entry> recounted;
        private final Map<String, PartnerRoutingStats.Entry> kept;
        private final List<String> asked;

        Overlay(Map<String, PartnerRoutingStats.Entry> recounted, Map<String, PartnerRoutingStats.Entry> kept,
                List<String> asked) {
            this.recounted = recounted;
            this.kept = kept;
            this.asked = asked;
        }

        @Override
        public PartnerRoutingStats.Entry get(Object partnerId) {
            if (partnerId == null) {
                return null;
            }
            PartnerRoutingStats.Entry entry = recounted.get(partnerId);
            return entry != null ? entry : kept.get(partnerId);
        }

        @Override
        public boolean containsKey(Object partnerId) {
            return get(partnerId) != null;
        }

        @Override
        public int size() {
            return asked.size();
        }

        @Override
        public Set<Map.Entry<String, PartnerRoutingStats.Entry>> entrySet() {
            Set<Map.Entry<String, PartnerRoutingStats.Entry>> all = new HashSet<>();
            asked.forEach(id -> all.add(Map.entry(id, get(id))));
            return all;
        }
    }

    /** Open leads and rates of the partners for one choice, both from the same counts. */
    public ChoiceView forChoice() {
        return new ChoiceView();
    }

    /** The counts of one choice, read once for the partners first asked for. */
    public final class ChoiceView {

        private Collection<String> askedFor;
        private Map<String, Entry> entries;

        /** Read once for the partners first asked for (checked and recounted as needed); again for others. */
        private Map<String, Entry> entries(Collection<String> partnerIds) {
            if (entries == null || !(partnerIds == askedFor || askedFor.equals(partnerIds))) {
                entries = forChoice(partnerIds);
                askedFor = partnerIds;
            }
            return entries;
        }

        public Map<String, Integer> openLeadCounts(Collection<String> partnerIds) {
            return new Projection<>(entries(partnerIds), Entry::openLeads);
        }

        public Map<String, Rates> rates(Collection<String> partnerIds) {
            return new Projection<>(entries(partnerIds), Entry::rates);
        }
    }

    /** One value of each partner's entry, read through rather than copied for thousands of partners. */
    private static final class Projection<V> extends AbstractMap<String, V> {

        private final Map<String, PartnerRoutingStats.Entry> entries;
        private final Function<PartnerRoutingStats.Entry, V> value;

        Projection(Map<String, PartnerRoutingStats.Entry> entries, Function<PartnerRoutingStats.Entry, V> value) {
            this.entries = entries;
            this.value = value;
        }

        @Override
        public V get(Object partnerId) {
            PartnerRoutingStats.Entry entry = entries.get(partnerId);
            return entry == null ? null : value.apply(entry);
        }

        @Override
        public boolean containsKey(Object partnerId) {
            return entries.containsKey(partnerId);
        }

        @Override
        public int size() {
            return entries.size();
        }

        @Override
        public Set<Map.Entry<String, V>> entrySet() {
            Set<Map.Entry<String, V>> all = new HashSet<>();
            entries.forEach((id, entry) -> all.add(Map.entry(id, value.apply(entry))));
            return all;
        }
    }

    /** Reads the rows committed since the last look. */
    private synchronized void refresh() {
        long[] highest = {seen};
        jdbc.sql("select * from partner_routing_stats where revision > :seen").param("seen", seen)
                .query(rs -> {
                    known.put(rs.getString("partner_id"), entry(rs));
                    highest[0] = Math.max(highest[0], rs.getLong("revision"));
                });
        seen = highest[0];
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        Timestamp until = rs.getTimestamp("valid_until");
        Instant oldest = until == null ? null : until.toInstant().minus(PartnerPerformance.WINDOW);
        return new Entry(rs.getInt("open_leads"), new Counts(rs.getInt("offers"), rs.getInt("answered"),
                rs.getInt("accepted"), rs.getInt("strikes"), rs.getInt("won"), rs.getInt("lost"), oldest),
                rs.getTimestamp("counted_at").toInstant());
    }
}
