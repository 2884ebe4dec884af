package io.leadbridge.lead;

import io.leadbridge.config.LeadClock;
import io.leadbridge.database.TransactionMemo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Leads as stored. Each change is one targeted update, written in the caller's transaction.
 * <p>
 * Within a transaction a lead is read once until it changes: the steps of one job ask for the
 * same lead again and again (the withdrawal, the points of each of its events, the SLA policy,
 * the routing, the offer; a send step once per mail), and every such read was a statement (14 a
 * withdrawal). A change through this repository forgets the lead, a {@link #lock} reads it
 * afresh, and nothing is kept past the transaction or outside one. Every write to {@code lead}
 * goes through here.
 */
@Repository
public class LeadRepository {

    /** The leads the transaction read. */
    private final TransactionMemo<Long, Lead> read = new TransactionMemo<>();

    private final JdbcClient jdbc;
    private final LeadClock clock;
    private final ApplicationEventPublisher listeners;

    LeadRepository(JdbcClient jdbc, LeadClock clock, ApplicationEventPublisher listeners) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.listeners = listeners;
    }

    /** Stores a new lead in status NEW and returns its id. */
    public long insert(String source, String externalId, String campaign, String product, int score, String notes,
            String language, long accountId, long contactId) {
        var keys = new GeneratedKeyHolder();
        Timestamp now = Timestamp.from(clock.now());
        jdbc.sql("""
                insert into lead (source, external_id, campaign, product, score, notes, language, account_id,
                                  contact_id, status, created_at, updated_at)
                values (:source, :externalId, :campaign, :product, :score, :notes, :language, :accountId,
                        :contactId, 'NEW', :now, :now)""")
                .param("source", source).param("externalId", externalId).param("campaign", campaign)
                .param("product", product).param("score", score).param("notes", notes).param("language", language)
                .param("accountId", accountId).param("contactId", contactId).param("now", now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<Lead> findById(long id) {
        Map<Long, Lead> read = readInTransaction();
        Lead known = read.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Lead> lead = jdbc.sql("select * from lead where id = :id").param("id", id)
                .query(LeadRepository::map).optional();
        lead.ifPresent(found -> read.put(id, found));
        return lead;
    }

    /** The lead, locked against concurrent changes until the transaction ends. */
    public Optional<Lead> lock(long id) {
        Map<Long, Lead> read = readInTransaction();
        read.remove(id);
        Optional<Lead> lead = jdbc.sql("select * from lead where id = :id for update").param("id", id)
                .query(LeadRepository::map).optional();
        lead.ifPresent(found -> read.put(id, found));
        return lead;
    }

    public Optional<Lead> findBySourceAndExternalId(String source, String externalId) {
        return jdbc.sql("select * from lead where source = :source and external_id = :externalId")
                .param("source", source).param("externalId", externalId)
                .query(LeadRepository::map).optional();
    }

    public Lead get(long id) {
        return findById(id).orElseThrow(() -> new LeadNotFoundException(id));
    }

    public void qualify(long id, String segment, String grade, String route) {
        update("update lead set segment = :segment, grade = :grade, route = :route, status = 'QUALIFIED', "
                + "updated_at = :now where id = :id", id,
                q -> q.param("segment", segment).param("grade", grade).param("route", route));
    }

    public void changeStatus(long id, LeadStatus status) {
        update("update lead set status = :status, updated_at = :now where id = :id", id,
                q -> q.param("status", status.name()));
    }

    public void markProtected(long id) {
        update("update lead set protected_account = true, updated_at = :now where id = :id", id, q -> q);
    }

    /**
     * The lead is now offered to {@code partnerId} (and {@code repUsername}, for a protected
     * account), or to several partners at once when {@code partnerId} is null (open competition).
     */
    public void offer(long id, String partnerId, String repUsername, int attempt, Instant acceptDueAt) {
        update("""
                update lead set status = 'OFFERED', partner_id = :partnerId, rep_username = :rep,
                       attempt_count = :attempt, sla_kind = 'ACCEPT', sla_due_at = :due, updated_at = :now
                where id = :id""", id,
                q -> q.param("partnerId", partnerId).param("rep", repUsername).param("attempt", attempt)
                        .param("due", Timestamp.from(acceptDueAt)));
        partnerChanged(partnerId);
    }

    public void accept(long id, String partnerId, String repUsername, Instant contactDueAt) {
        update("""
                update lead set status = 'ACCEPTED', partner_id = :partnerId, rep_username = :rep, sla_kind = 'CONTACT',
                       sla_due_at = :due, updated_at = :now where id = :id""", id,
                q -> q.param("partnerId", partnerId).param("rep", repUsername)
                        .param("due", Timestamp.from(contactDueAt)));
        partnerChanged(partnerId);
    }

    /** The rep inside the partner who holds the offered lead now (null: the partner's lead managers). */
    public void assignRep(long id, String repUsername) {
        update("update lead set rep_username = :rep, updated_at = :now where id = :id and status = 'OFFERED'", id,
                q -> q.param("rep", repUsername));
    }

    /** Another rep of the holding partner works the accepted lead from now on. */
    public void reassignRep(long id, String repUsername) {
        update("""
                update lead set rep_username = :rep, updated_at = :now
                where id = :id and status in ('ACCEPTED', 'CONTACTED', 'OPPORTUNITY')""", id,
                q -> q.param("rep", repUsername));
    }

    /** The holding partner loses the lead; it waits for the next offer in status QUALIFIED. */
    public void release(long id) {
        update("""
                update lead set status = 'QUALIFIED', partner_id = null, rep_username = null, sla_kind = null,
                       sla_due_at = null, updated_at = :now where id = :id""", id, q -> q);
    }

    /** First contact: the lead leaves its contact deadline and the status update cadence starts now. */
    public void contacted(long id) {
        update("update lead set status = 'CONTACTED', sla_kind = null, sla_due_at = null, updated_at = :now, "
                + "last_status_update_at = :now, missed_status_updates = 0 where id = :id", id, q -> q);
    }

    /** The rep reported progress (a note, an opportunity change): the missed update count starts again. */
    public void statusUpdated(long id, LeadStatus status) {
        update("update lead set status = :status, updated_at = :now, last_status_update_at = :now, "
                + "missed_status_updates = 0 where id = :id", id, q -> q.param("status", status.name()));
    }

    /** One more status update cycle passed without news from the rep; returns how many in a row. */
    public int statusUpdateMissed(long id) {
        update("update lead set missed_status_updates = missed_status_updates + 1 where id = :id", id, q -> q);
        return statusUpdates(id).missed();
    }

    public StatusUpdates statusUpdates(long id) {
        return jdbc.sql("select last_status_update_at, missed_status_updates from lead where id = :id")
                .param("id", id)
                .query((rs, row) -> new StatusUpdates(instant(rs, "last_status_update_at"),
                        rs.getInt("missed_status_updates")))
                .optional().orElseThrow(() -> new LeadNotFoundException(id));
    }

    /** When the rep last reported on the lead (null before first contact), and how many updates are overdue. */
    public record StatusUpdates(Instant lastAt, int missed) {
    }

    /** Ends the lead's life with a final status (WON, LOST, NURTURE, DISQUALIFIED) and an optional reason. */
    public void close(long id, LeadStatus status, String reason) {
        update("update lead set status = :status, outcome_reason = :reason, sla_kind = null, sla_due_at = null, "
                + "updated_at = :now where id = :id", id,
                q -> q.param("status", status.name()).param("reason", reason));
    }

    /**
     * One change of the lead. Its status, partner and time of change are what routing counts of
     * a partner (open leads, leads won and lost of late), so its partner is recounted
     * ({@link PartnerRecordChanged}).
     */
    private void update(String sql, long id, java.util.function.UnaryOperator<JdbcClient.StatementSpec> params) {
        readInTransaction().remove(id);
        jdbc.sql("select partner_id from lead where id = :id").param("id", id).query(String.class).optional()
                .ifPresent(this::partnerChanged);
        int rows = params.apply(jdbc.sql(sql).param("id", id).param("now", Timestamp.from(clock.now()))).update();
        if (rows != 1) {
            throw new LeadNotFoundException(id);
        }
    }

    /** The leads this transaction has read and not changed since; outside a transaction a map that keeps nothing. */
    private Map<Long, Lead> readInTransaction() {
        return read.currentOrNone();
    }

    private void partnerChanged(String partnerId) {
        PartnerRecordChanged.publish(listeners, partnerId);
    }

    static Lead map(ResultSet rs, int row) throws SQLException {
        return new Lead(rs.getLong("id"), rs.getString("source"), rs.getString("external_id"),
                rs.getString("campaign"), rs.getString("product"), rs.getInt("score"), rs.getString("notes"),
                rs.getString("language"), rs.getLong("account_id"), rs.getLong("contact_id"),
                LeadStatus.valueOf(rs.getString("status")),
                rs.getString("segment"), rs.getString("grade"), rs.getString("route"), rs.getString("partner_id"),
                rs.getString("rep_username"), rs.getBoolean("protected_account"), rs.getInt("attempt_count"),
                rs.getString("sla_kind"), instant(rs, "sla_due_at"), rs.getString("outcome_reason"),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
