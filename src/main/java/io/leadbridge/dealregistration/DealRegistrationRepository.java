package io.leadbridge.dealregistration;

import io.leadbridge.opportunity.DealAction;
import io.leadbridge.opportunity.LostReason;
import io.leadbridge.opportunity.OpportunityStage;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code deal_registration} and {@code deal_registration_product} tables. Status changes are
 * single statements that name the status they expect, so a reviewer and a timer answering at the
 * same moment cannot both win.
 */
@Repository
class DealRegistrationRepository {

    private static final String SELECT = """
            select d.*, a.name as account_name, a.domain as account_domain
            from deal_registration d join account a on a.id = d.account_id
            """;

    private final JdbcClient jdbc;

    DealRegistrationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String partnerId, String registeredBy, long accountId, long contactId, List<String> products,
            BigDecimal amount, String currency, LocalDate expectedCloseDate, String foundHow, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into deal_registration (partner_id, registered_by, account_id, contact_id, amount,
                    registered_amount, currency, expected_close_date, found_how, status, registered_at)
                values (:partner, :by, :account, :contact, :amount, :amount, :currency, :close, :found, 'REGISTERED',
                    :now)""")
                .param("partner", partnerId).param("by", registeredBy).param("account", accountId)
                .param("contact", contactId).param("amount", amount).param("currency", currency)
                .param("close", expectedCloseDate).param("found", foundHow).param("now", Timestamp.from(now))
                .update(key, "id");
        long id = key.getKey().longValue();
        for (String product : products) {
            jdbc.sql("insert into deal_registration_product (registration_id, product) values (:id, :product)")
                    .param("id", id).param("product", product).update();
        }
        return id;
    }

    Optional<DealRegistration> find(long id) {
        return load("where d.id = :id", Map.of("id", id)).stream().findFirst();
    }

    /** Newest first; all partners' when {@code partnerId} is null. */
    List<DealRegistration> list(String partnerId, DealStatus status, int limit) {
        StringBuilder where = new StringBuilder("where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (partnerId != null) {
            where.append(" and d.partner_id = :partner");
            params.put("partner", partnerId);
        }
        if (status != null) {
            where.append(" and d.status = :status");
            params.put("status", status.name());
        }
        where.append(" order by d.registered_at desc, d.id desc limit ").append(limit);
        return load(where.toString(), params);
    }

    /** The account's registrations, oldest first; only the partner's when a partner is given. */
    List<DealRegistration> ofAccount(long accountId, String partnerId) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("account", accountId);
        String partner = "";
        if (partnerId != null) {
            partner = " and d.partner_id = :partner";
            params.put("partner", partnerId);
        }
        return load("where d.account_id = :account" + partner + " order by d.registered_at, d.id", params);
    }

    /**
     * Registrations other than {@code exceptId} that hold the account for one of the products
     * (open or approved and still protecting) at {@code now}.
     */
    List<DealRegistration> holdingAccount(long accountId, Collection<String> products, long exceptId, Instant now) {
        return load("""
                where d.account_id = :account and d.id <> :except
                  and (d.status in ('REGISTERED', 'IN_REVIEW')
                       or (d.status = 'APPROVED' and d.protected_until > :now))
                  and exists (select 1 from deal_registration_product p
                              where p.registration_id = d.id and p.product in (:products))
                order by d.registered_at, d.id""",
                Map.of("account", accountId, "except", exceptId, "now", Timestamp.from(now), "products", products));
    }

    /** The approved registrations protecting a partner on the account for the product at {@code now}. */
    List<DealRegistration> protecting(long accountId, String product, Instant now) {
        return load("""
                where d.account_id = :account and d.status = 'APPROVED' and d.protected_until > :now
                  and exists (select 1 from deal_registration_product p
                              where p.registration_id = d.id and p.product = :product)
                order by d.decided_at, d.id""",
                Map.of("account", accountId, "product", product, "now", Timestamp.from(now)));
    }

    void recordCheck(long id, DealConflict conflict, String detail) {
        jdbc.sql("update deal_registration set conflict = :conflict, conflict_detail = :detail where id = :id")
                .param("conflict", conflict.name()).param("detail", detail).param("id", id).update();
    }

    boolean toReview(long id) {
        return jdbc.sql("update deal_registration set status = 'IN_REVIEW' where id = :id and status = 'REGISTERED'")
                .param("id", id).update() == 1;
    }

    boolean approve(long id, String by, Instant now, Instant protectedUntil) {
        return jdbc.sql("""
                update deal_registration set status = 'APPROVED', decided_by = :by, decided_at = :now,
                    protected_until = :until, stage = 'QUALIFICATION'
                where id = :id and status in ('REGISTERED', 'IN_REVIEW')""")
                .param("by", by).param("now", Timestamp.from(now)).param("until", Timestamp.from(protectedUntil))
                .param("id", id).update() == 1;
    }

    boolean reject(long id, String by, String reason, Instant now) {
        return jdbc.sql("""
                update deal_registration set status = 'REJECTED', decided_by = :by, decided_at = :now,
                    decision_reason = :reason
                where id = :id and status in ('REGISTERED', 'IN_REVIEW')""")
                .param("by", by).param("reason", reason).param("now", Timestamp.from(now)).param("id", id)
                .update() == 1;
    }

    /** Ends an approved registration's protection: EXPIRED at the period's end, STALE for want of updates. */
    boolean endProtection(long id, DealStatus to, Instant now) {
        return jdbc.sql("""
                update deal_registration set status = :to, protected_until = :now, stale = :stale
                where id = :id and status = 'APPROVED'""")
                .param("to", to.name()).param("now", Timestamp.from(now)).param("stale", to == DealStatus.STALE)
                .param("id", id).update() == 1;
    }

    boolean recordUpdate(long id, String note, Instant now) {
        return jdbc.sql("""
                update deal_registration set last_update_at = :now, last_update_note = :note
                where id = :id and status = 'APPROVED'""")
                .param("now", Timestamp.from(now)).param("note", note).param("id", id).update() == 1;
    }

    /**
     * A progress report on an approved deal: the note, and for UPDATE the stage, amount or close date
     * that were given; false if the deal is no longer approved.
     */
    boolean recordProgress(long id, DealUpdate update, String note, Instant now) {
        return jdbc.sql("""
                update deal_registration set last_update_at = :now, last_update_note = :note,
                    stage = coalesce(:stage, stage), amount = coalesce(:amount, amount),
                    expected_close_date = coalesce(:close, expected_close_date)
                where id = :id and status = 'APPROVED'""")
                .param("now", Timestamp.from(now)).param("note", note)
                .param("stage", update.stage() == null ? null : update.stage().name())
                .param("amount", update.amount()).param("close", update.expectedCloseDate())
                .param("id", id).update() == 1;
    }

    /** Closes an approved deal WON (final amount) or LOST (reason); its protection ends now. */
    boolean close(long id, DealUpdate update, String note, Instant now) {
        boolean won = update.action() == DealAction.WON;
        return jdbc.sql("""
                update deal_registration set status = :status, stage = :status, final_amount = :final,
                    lost_reason = :reason, closed_at = :now, last_update_at = :now, last_update_note = :note,
                    protected_until = case when protected_until > :now then :now else protected_until end
                where id = :id and status = 'APPROVED'""")
                .param("status", won ? DealStatus.WON.name() : DealStatus.LOST.name())
                .param("final", won ? update.amount() : null)
                .param("reason", won ? null : update.lostReason().name())
                .param("now", Timestamp.from(now)).param("note", note).param("id", id).update() == 1;
    }

    private List<DealRegistration> load(String where, Map<String, ?> params) {
        List<Row> rows = jdbc.sql(SELECT + where).params(params).query(DealRegistrationRepository::row).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> products = new LinkedHashMap<>();
        jdbc.sql("""
                select registration_id, product from deal_registration_product
                where registration_id in (:ids) order by registration_id, product""")
                .param("ids", rows.stream().map(Row::id).toList())
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list()
                .forEach(e -> products.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return rows.stream().map(r -> r.with(products.getOrDefault(r.id(), List.of()))).toList();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        String conflict = rs.getString("conflict");
        return new Row(rs.getLong("id"), new DealRegistration(rs.getLong("id"), rs.getString("partner_id"),
                rs.getString("registered_by"), rs.getLong("account_id"), rs.getString("account_name"),
                rs.getString("account_domain"), rs.getLong("contact_id"), List.of(), rs.getBigDecimal("amount"),
                rs.getString("currency"), rs.getObject("expected_close_date", LocalDate.class),
                rs.getString("found_how"), DealStatus.valueOf(rs.getString("status")),
                conflict == null ? null : DealConflict.valueOf(conflict), rs.getString("conflict_detail"),
                rs.getString("decision_reason"), rs.getString("decided_by"), instant(rs, "registered_at"),
                instant(rs, "decided_at"), instant(rs, "protected_until"), instant(rs, "last_update_at"),
                rs.getString("last_update_note"), rs.getBoolean("stale"), pipeline(rs)));
    }

    private static DealRegistration.Pipeline pipeline(ResultSet rs) throws SQLException {
        String stage = rs.getString("stage");
        String lostReason = rs.getString("lost_reason");
        return new DealRegistration.Pipeline(stage == null ? null : OpportunityStage.valueOf(stage),
                rs.getBigDecimal("registered_amount"), rs.getBigDecimal("final_amount"),
                lostReason == null ? null : LostReason.valueOf(lostReason), instant(rs, "closed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private record Row(long id, DealRegistration registration) {
        DealRegistration with(List<String> products) {
            DealRegistration d = registration;
            return new DealRegistration(d.id(), d.partnerId(), d.registeredBy(), d.accountId(), d.accountName(),
                    d.accountDomain(), d.contactId(), List.copyOf(products), d.amount(), d.currency(),
                    d.expectedCloseDate(), d.foundHow(), d.status(), d.conflict(), d.conflictDetail(), d.reason(),
                    d.decidedBy(), d.registeredAt(), d.decidedAt(), d.protectedUntil(), d.lastUpdateAt(),
                    d.lastUpdateNote(), d.stale(), d.pipeline());
        }
    }
}
