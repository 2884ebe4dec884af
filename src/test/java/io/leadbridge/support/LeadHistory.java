package io.leadbridge.support;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes a lead's history straight into the tables the lifecycle writes (account, contact, lead,
 * offers, events, opportunity, strikes), for report fixtures whose figures are counted by hand.
 * Leads are named (L1, C2, ...) in {@code leads}; their report facts are left to the fixture.
 */
public final class LeadHistory {

    private final JdbcClient jdbc;
    private final String unique;
    private final Map<String, Long> leads;
    private final Instant accountsCreatedAt;

    public LeadHistory(JdbcClient jdbc, String unique, Map<String, Long> leads, Instant accountsCreatedAt) {
        this.jdbc = jdbc;
        this.unique = unique;
        this.leads = leads;
        this.accountsCreatedAt = accountsCreatedAt;
    }

    public long account(String name, String country, String region, String industry) {
        String domain = name.toLowerCase().replaceAll("[^a-z]", "") + "-" + UUID.randomUUID().toString().substring(0, 8)
                + ".example";
        Timestamp now = Timestamp.from(accountsCreatedAt);
        jdbc.sql("""
                insert into account (name, domain, industry, country, region, employees, created_at, updated_at)
                values (:name, :domain, :industry, :country, :region, 100, :now, :now)""")
                .param("name", name).param("domain", domain).param("industry", industry).param("country", country)
                .param("region", region).param("now", now).update();
        return jdbc.sql("select id from account where domain = :domain").param("domain", domain)
                .query(Long.class).single();
    }

    public long lead(String name, String campaign, String product, String segment, String route, String status,
            String partner, Instant receivedAt, String outcomeReason, long account) {
        String externalId = name + "-" + unique;
        Timestamp at = Timestamp.from(receivedAt);
        String email = externalId.toLowerCase() + "@prospect.example";
        jdbc.sql("""
                insert into contact (account_id, first_name, last_name, email, created_at, updated_at)
                values (:account, 'Pat', 'Prospect', :email, :at, :at)""")
                .param("account", account).param("email", email)
                .param("at", at).update();
        long contact = jdbc.sql("select id from contact where email = :email").param("email", email)
                .query(Long.class).single();
        jdbc.sql("""
                insert into lead (source, external_id, campaign, product, score, account_id, contact_id, status,
                                  segment, grade, route, partner_id, outcome_reason, created_at, updated_at)
                values ('web-form', :externalId, :campaign, :product, 70, :account, :contact, :status,
                        :segment, 'B', :route, :partner, :outcomeReason, :at, :at)""")
                .param("externalId", externalId).param("campaign", campaign).param("product", product)
                .param("account", account).param("contact", contact).param("status", status)
                .param("segment", segment).param("route", route).param("partner", partner)
                .param("outcomeReason", outcomeReason).param("at", at).update();
        long id = jdbc.sql("select id from lead where external_id = :externalId").param("externalId", externalId)
                .query(Long.class).single();
        leads.put(name, id);
        event(id, "CREATED", receivedAt, null);
        event(id, "QUALIFIED", receivedAt, null);
        return id;
    }

    public void offer(long lead, String partner, int attempt, Instant offeredAt, Instant dueAt, String outcome,
            Instant closedAt, String closeReason) {
        jdbc.sql("""
                insert into lead_offer (lead_id, partner_id, attempt, offered_at, accept_due_at, outcome, closed_at,
                                        close_reason)
                values (:lead, :partner, :attempt, :offeredAt, :dueAt, :outcome, :closedAt, :closeReason)""")
                .param("lead", lead).param("partner", partner).param("attempt", attempt)
                .param("offeredAt", Timestamp.from(offeredAt)).param("dueAt", Timestamp.from(dueAt))
                .param("outcome", outcome).param("closedAt", closedAt == null ? null : Timestamp.from(closedAt))
                .param("closeReason", closeReason).update();
        event(lead, "OFFERED", offeredAt, partner);
    }

    public void event(long lead, String type, Instant at, String partner) {
        jdbc.sql("""
                insert into lead_event (lead_id, type, occurred_at, actor, partner_id)
                values (:lead, :type, :at, 'test', :partner)""")
                .param("lead", lead).param("type", type).param("at", Timestamp.from(at)).param("partner", partner)
                .update();
    }

    public void opportunity(long lead, String partner, String stage, String amount, String currency,
            String finalAmount, Instant createdAt, Instant closedAt) {
        opportunity(lead, partner, stage, amount, currency, finalAmount, createdAt, closedAt, null);
    }

    /** An opportunity for the products, written as the opportunity repository writes them ("A, B"). */
    public void opportunity(long lead, String partner, String stage, String amount, String currency,
            String finalAmount, Instant createdAt, Instant closedAt, String products) {
        jdbc.sql("""
                insert into opportunity (lead_id, partner_id, stage, amount, currency, expected_close_date,
                                         final_amount, created_at, updated_at, closed_at, products)
                values (:lead, :partner, :stage, :amount, :currency, :expected, :finalAmount, :createdAt,
                        :createdAt, :closedAt, :products)""")
                .param("products", products)
                .param("lead", lead).param("partner", partner).param("stage", stage)
                .param("amount", new BigDecimal(amount)).param("currency", currency)
                .param("expected", LocalDate.parse("2003-04-30"))
                .param("finalAmount", finalAmount == null ? null : new BigDecimal(finalAmount))
                .param("createdAt", Timestamp.from(createdAt))
                .param("closedAt", closedAt == null ? null : Timestamp.from(closedAt)).update();
    }

    public void strike(String partner, long lead, String kind, Instant at) {
        jdbc.sql("""
                insert into partner_strike (partner_id, lead_id, kind, occurred_at, detail)
                values (:partner, :lead, :kind, :at, 'fixture')""")
                .param("partner", partner).param("lead", lead).param("kind", kind).param("at", Timestamp.from(at))
                .update();
    }
}
