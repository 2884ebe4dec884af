package io.leadbridge.lead;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The follow-on leads ({@code follow_on_lead}): which lead was created as the follow-on of which
 * won lead and product, and the partner that won the account, protected on the follow-on product
 * of that account until a time. One row per won lead, product bought and follow-on product.
 */
@Repository
public class FollowOnLog {

    private final JdbcClient jdbc;

    FollowOnLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the follow-on of this win, product bought and follow-on product was created already. */
    public boolean exists(long wonLeadId, String productBought, String followOnProduct) {
        return jdbc.sql("""
                select count(*) from follow_on_lead
                where won_lead_id = :won and product_bought = :bought and follow_on_product = :product""")
                .param("won", wonLeadId).param("bought", productBought).param("product", followOnProduct)
                .query(Long.class).single() > 0;
    }

    /**
     * Records a created follow-on lead. A second record of the same win, product bought and
     * follow-on product breaks the primary key, so its transaction (and its lead) rolls back.
     */
    public void record(FollowOnLead f, long accountId, Instant wonAt, LocalDate dueOn, int protectionDays) {
        jdbc.sql("""
                insert into follow_on_lead (won_lead_id, product_bought, follow_on_product, lead_id, root_lead_id,
                                            account_id, partner_id, won_at, due_on, protection_days,
                                            protected_until, created_at)
                values (:won, :bought, :product, :lead, :root, :account, :partner, :wonAt, :due, :days, :until,
                        :created)""")
                .param("won", f.wonLeadId()).param("bought", f.productBought()).param("product", f.product())
                .param("lead", f.leadId()).param("root", f.rootLeadId()).param("account", accountId)
                .param("partner", f.partnerId()).param("wonAt", Timestamp.from(wonAt))
                .param("due", Date.valueOf(dueOn)).param("days", protectionDays)
                .param("until", f.protectedUntil() == null ? null : Timestamp.from(f.protectedUntil()))
                .param("created", Timestamp.from(f.createdAt())).update();
    }

    /** The follow-on record of a lead, if it was created as a follow-on. */
    public Optional<FollowOnLead> of(long leadId) {
        return jdbc.sql("select * from follow_on_lead where lead_id = :lead").param("lead", leadId)
                .query(FollowOnLog::map).optional();
    }

    /** The follow-on records of those of the given leads that are follow-ons, by lead id. */
    public Map<Long, FollowOnLead> of(Collection<Long> leadIds) {
        Map<Long, FollowOnLead> byLead = new HashMap<>();
        if (leadIds.isEmpty()) {
            return byLead;
        }
        jdbc.sql("select * from follow_on_lead where lead_id in (:leads)").param("leads", leadIds)
                .query(FollowOnLog::map).list().forEach(f -> byLead.put(f.leadId(), f));
        return byLead;
    }

    /** The first win of the chain a won lead belongs to: its own id, or the first win of the follow-on it was. */
    public long rootOf(long wonLeadId) {
        return of(wonLeadId).map(FollowOnLead::rootLeadId).orElse(wonLeadId);
    }

    /**
     * The earliest follow-on whose winning partner is protected on this account and product at
     * {@code now}: a follow-on lead, and any other lead of the account for that product, goes to it.
     */
    public Optional<FollowOnLead> protecting(long accountId, String product, Instant now) {
        List<FollowOnLead> protecting = jdbc.sql("""
                select * from follow_on_lead
                where account_id = :account and follow_on_product = :product and partner_id is not null
                  and protected_until > :now
                order by created_at, lead_id""")
                .param("account", accountId).param("product", product).param("now", Timestamp.from(now))
                .query(FollowOnLog::map).list();
        return protecting.stream().findFirst();
    }

    private static FollowOnLead map(ResultSet rs, int row) throws SQLException {
        Timestamp until = rs.getTimestamp("protected_until");
        return new FollowOnLead(rs.getLong("lead_id"), rs.getLong("won_lead_id"), rs.getLong("root_lead_id"),
                rs.getString("product_bought"), rs.getString("follow_on_product"), rs.getString("partner_id"),
                until == null ? null : until.toInstant(), rs.getTimestamp("created_at").toInstant());
    }

    /**
     * A follow-on lead: created as the follow-on of {@code wonLeadId} (whose chain began with
     * {@code rootLeadId}) after {@code productBought}, for {@code product}; the partner that won the
     * account ({@code partnerId}, none for a win without a partner) is protected on it until
     * {@code protectedUntil}.
     */
    public record FollowOnLead(long leadId, long wonLeadId, long rootLeadId, String productBought, String product,
            String partnerId, Instant protectedUntil, Instant createdAt) {
    }
}
