package io.leadbridge.lead;

import io.leadbridge.calendar.SlaClock;
import io.leadbridge.config.LeadClock;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every offer of a lead to a partner: who had which lead, when, and how it ended. Opening or
 * ending an offer changes what routing counts of the partner ({@link PartnerRecordChanged}).
 */
@Repository
public class LeadOfferLog {

    /** Why a competing offer ended: another partner accepted first. */
    public static final String COMPETITION_LOST = "COMPETITION_LOST";

    private final JdbcClient jdbc;
    private final LeadClock clock;
    private final ApplicationEventPublisher listeners;

    LeadOfferLog(JdbcClient jdbc, LeadClock clock, ApplicationEventPublisher listeners) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.listeners = listeners;
    }

    /** Opens an offer whose accept SLA (and the lead's later SLAs with this partner) count on {@code slaClock}. */
    public void open(long leadId, String partnerId, int attempt, Instant acceptDueAt, SlaClock slaClock) {
        jdbc.sql("""
                insert into lead_offer (lead_id, partner_id, attempt, offered_at, accept_due_at, sla_clock)
                values (:leadId, :partnerId, :attempt, :now, :due, :slaClock)""")
                .param("leadId", leadId).param("partnerId", partnerId).param("attempt", attempt)
                .param("slaClock", slaClock.name())
                .param("now", Timestamp.from(clock.now())).param("due", Timestamp.from(acceptDueAt))
                .update();
        partnerChanged(partnerId);
    }

    /** Ends the lead's open offer (if any) with this outcome. */
    public void close(long leadId, OfferOutcome outcome) {
        close(leadId, outcome, null);
    }

    /** Ends the lead's open offer (if any) with this outcome and why, e.g. ACCEPT_SLA_MISSED. */
    public void close(long leadId, OfferOutcome outcome, String reason) {
        openPartners(leadId).forEach(this::partnerChanged);
        jdbc.sql("""
                update lead_offer set outcome = :outcome, close_reason = :reason, closed_at = :now
                where lead_id = :leadId and outcome is null""")
                .param("leadId", leadId).param("outcome", outcome.name()).param("reason", reason)
                .param("now", Timestamp.from(clock.now()))
                .update();
    }

    /** Ends one partner's open offer of the lead (in an open competition each partner has its own). */
    public void close(long leadId, String partnerId, OfferOutcome outcome, String reason) {
        jdbc.sql("""
                update lead_offer set outcome = :outcome, close_reason = :reason, closed_at = :now
                where lead_id = :leadId and partner_id = :partnerId and outcome is null""")
                .param("leadId", leadId).param("partnerId", partnerId).param("outcome", outcome.name())
                .param("reason", reason).param("now", Timestamp.from(clock.now()))
                .update();
        partnerChanged(partnerId);
    }

    /** The partners holding an open offer of the lead: one, or several in an open competition. */
    public List<String> openPartners(long leadId) {
        return jdbc.sql("select partner_id from lead_offer where lead_id = :leadId and outcome is null order by id")
                .param("leadId", leadId).query(String.class).list();
    }

    /** How the partner's last offer of the lead ended, if it had one and it has ended. */
    public Optional<EndedOffer> lastEndedOffer(long leadId, String partnerId) {
        return jdbc.sql("""
                select outcome, close_reason, closed_at from lead_offer
                where lead_id = :leadId and partner_id = :partnerId and outcome is not null order by id desc""")
                .param("leadId", leadId).param("partnerId", partnerId)
                .query((rs, i) -> new EndedOffer(OfferOutcome.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getTimestamp(3).toInstant()))
                .stream().findFirst();
    }

    /** An offer that ended: how, why, and when. */
    public record EndedOffer(OfferOutcome outcome, String reason, Instant closedAt) {
    }

    public boolean hasOpenOffer(long leadId, String partnerId) {
        return jdbc.sql("select count(*) from lead_offer where lead_id = :leadId and partner_id = :partnerId "
                        + "and outcome is null")
                .param("leadId", leadId).param("partnerId", partnerId).query(Integer.class).single() > 0;
    }

    /** How many offer rounds the lead had (an open competition's offers share one round). */
    public int countOffers(long leadId) {
        return jdbc.sql("select coalesce(max(attempt), 0) from lead_offer where lead_id = :leadId")
                .param("leadId", leadId).query(Integer.class).single();
    }

    /** Partners that already had this lead, with how their offer ended (null while open). */
    public Map<String, String> partnersThatHad(long leadId) {
        Map<String, String> had = new HashMap<>();
        jdbc.sql("select partner_id, outcome from lead_offer where lead_id = :leadId order by id")
                .param("leadId", leadId)
                .query(rs -> {
                    had.put(rs.getString(1), rs.getString(2));
                });
        return had;
    }

    private void partnerChanged(String partnerId) {
        PartnerRecordChanged.publish(listeners, partnerId);
    }
}
