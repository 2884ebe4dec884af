package io.leadbridge.reporting;

import io.leadbridge.campaign.CampaignRequest;
import io.leadbridge.campaign.Campaigns;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.support.LeadFixtures;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small history to count by hand, written straight into the tables the lifecycle writes (leads,
 * offers, events, opportunities, strikes), then its report facts worked out, in March 2003, a month no other test uses. Partners
 * alpha (GOLD), beta (SILVER) and gamma (GOLD); campaigns spring (1000 EUR) and fair (500 EUR).
 * Days are March's, times UTC.
 *
 * <pre>
 * L1  spring  SMB         US-CA Retail      alpha: offered d1 10:00, accepted 12:00, contacted 17:00,
 *                                            opportunity 10000 EUR won for 12000 on d11 10:00      WON
 * L2  spring  MID_MARKET  US-NY Healthcare  alpha: offered d2 09:00, accept SLA missed d3 09:00 (strike);
 *                                            beta: offered d3 09:00, accepted 13:00, contacted d4 13:00,
 *                                            opportunity 5000 EUR in PROPOSAL                       OPPORTUNITY
 * L3  spring  ENTERPRISE  DE Manufacturing  beta: offered d3 08:00, declined 09:00; gamma: offered 09:00,
 *                                            accepted 10:00, contact SLA missed d5 10:00 (strike)  UNASSIGNED
 * L4  fair    SMB         US-CA Retail      alpha: offered d5 10:00, accepted 16:00, lost at first
 *                                            contact d6 22:00                                       LOST
 * L5  fair    MID_MARKET  DE Manufacturing  beta: offered d6 10:00, accepted d7 16:00 (6 h late),
 *                                            contacted 18:00, opportunity 8000 USD won for 9000 d16   WON
 * L6  -       SMB         US Retail         inside sales                                          INSIDE_SALES
 * L7  fair    SMB         US-CA Retail      disqualified                                          DISQUALIFIED
 * L8  spring  SMB         US-CA Retail      alpha: offered d9 10:00, open                          OFFERED
 * L9  spring  SMB         US-CA Retail      received 5 April (outside the period), alpha accepted  ACCEPTED
 * L10 fair    MID_MARKET  US-NY Healthcare  open competition d10 10:00: gamma accepted 13:00 (alpha's
 *                                            offer withdrawn, competition lost), contacted 17:00    CONTACTED
 * </pre>
 *
 * alpha is WARNED (1 warning); a CUSTOMER_NOT_CONTACTED strike on L9 falls in April.
 */
final class ReportFixture {

    static final Instant MARCH = Instant.parse("2003-03-01T00:00:00Z");
    /** The whole of March 2003 (to is a date: that day is included). */
    static final String PERIOD = "from=2003-03-01&to=2003-03-31";

    final String alpha;
    final String beta;
    final String gamma;
    final String alphaRep;
    final String betaRep;
    final String spring;
    final String fair;
    final Map<String, Long> leads = new LinkedHashMap<>();

    private final JdbcClient jdbc;
    private final String unique = UUID.randomUUID().toString().substring(0, 8);

    ReportFixture(LeadFixtures fixtures, Campaigns campaigns, ReportFacts facts, JdbcClient jdbc) {
        this.jdbc = jdbc;
        alpha = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        beta = fixtures.partner("beta", PartnerTier.SILVER, "US", "DE");
        gamma = fixtures.partner("gamma", PartnerTier.GOLD, "US", "DE");
        alphaRep = fixtures.rep(alpha);
        betaRep = fixtures.rep(beta);
        spring = "spring-" + unique;
        fair = "fair-" + unique;
        campaigns.create(new CampaignRequest(spring, "Spring webinar series", "webinar", new BigDecimal("1000.00"), "EUR",
                LocalDate.parse("2003-02-15"), LocalDate.parse("2003-03-20")), "test");
        campaigns.create(new CampaignRequest(fair, "Trade fair Hannover", "trade show", new BigDecimal("500"), null,
                LocalDate.parse("2003-03-01"), null), "test");

        long l1 = lead("L1", spring, "Cloud Platform", "SMB", "PARTNER", "WON", alpha, at(1, 10), null,
                account("Acme, \"Retail\" Inc.", "US", "US-CA", "Retail"));
        offer(l1, alpha, 1, at(1, 10), at(2, 10), "ACCEPTED", at(1, 12), null);
        event(l1, "ACCEPTED", at(1, 12), alpha);
        event(l1, "CONTACTED", at(1, 17), alpha);
        opportunity(l1, alpha, "WON", "10000", "EUR", "12000", at(2, 10), at(11, 10));
        event(l1, "WON", at(11, 10), alpha);

        long l2 = lead("L2", spring, "Cloud Platform", "MID_MARKET", "PARTNER", "OPPORTUNITY", beta, at(2, 9), null,
                account("Mercy Health", "US", "US-NY", "Healthcare"));
        offer(l2, alpha, 1, at(2, 9), at(3, 9), "WITHDRAWN", at(3, 9), "ACCEPT_SLA_MISSED");
        event(l2, "WITHDRAWN", at(3, 9), alpha);
        strike(alpha, l2, "ACCEPT_SLA_MISSED", at(3, 9));
        offer(l2, beta, 2, at(3, 9), at(4, 9), "ACCEPTED", at(3, 13), null);
        event(l2, "ACCEPTED", at(3, 13), beta);
        event(l2, "CONTACTED", at(4, 13), beta);
        opportunity(l2, beta, "PROPOSAL", "5000", "EUR", null, at(5, 10), null);

        long l3 = lead("L3", spring, "Security Suite", "ENTERPRISE", "PARTNER", "UNASSIGNED", null, at(3, 8), null,
                account("Stahlwerk GmbH", "DE", null, "Manufacturing"));
        offer(l3, beta, 1, at(3, 8), at(4, 8), "DECLINED", at(3, 9), null);
        event(l3, "DECLINED", at(3, 9), beta);
        offer(l3, gamma, 2, at(3, 9), at(4, 9), "ACCEPTED", at(3, 10), null);
        event(l3, "ACCEPTED", at(3, 10), gamma);
        event(l3, "WITHDRAWN", at(5, 10), gamma);
        strike(gamma, l3, "CONTACT_SLA_MISSED", at(5, 10));
        event(l3, "UNASSIGNED", at(5, 10), null);

        long l4 = lead("L4", fair, "Cloud Platform", "SMB", "PARTNER", "LOST", alpha, at(5, 10), "CHOSE_COMPETITOR",
                account("=HYPERLINK(\"http://evil.example\")", "US", "US-CA", "Retail"));
        offer(l4, alpha, 1, at(5, 10), at(6, 10), "ACCEPTED", at(5, 16), null);
        event(l4, "ACCEPTED", at(5, 16), alpha);
        event(l4, "LOST", at(6, 22), alpha);

        long l5 = lead("L5", fair, "Networking", "MID_MARKET", "PARTNER", "WON", beta, at(6, 10), null,
                account("Rheinmetallbau AG", "DE", null, "Manufacturing"));
        offer(l5, beta, 1, at(6, 10), at(7, 10), "ACCEPTED", at(7, 16), null);
        event(l5, "ACCEPTED", at(7, 16), beta);
        event(l5, "CONTACTED", at(7, 18), beta);
        opportunity(l5, beta, "WON", "8000", "USD", "9000", at(8, 10), at(16, 10));
        event(l5, "WON", at(16, 10), beta);

        lead("L6", null, "Cloud Platform", "SMB", "INSIDE_SALES", "INSIDE_SALES", null, at(7, 10), null,
                account("Corner Shop", "US", null, "Retail"));
        lead("L7", fair, "Cloud Platform", "SMB", "DISQUALIFY", "DISQUALIFIED", null, at(8, 10), null,
                account("Student Project", "US", "US-CA", "Retail"));

        long l8 = lead("L8", spring, "Cloud Platform", "SMB", "PARTNER", "OFFERED", alpha, at(9, 10), null,
                account("Sunset Stores", "US", "US-CA", "Retail"));
        offer(l8, alpha, 1, at(9, 10), at(10, 10), null, null, null);

        long l9 = lead("L9", spring, "Cloud Platform", "SMB", "PARTNER", "ACCEPTED", alpha,
                Instant.parse("2003-04-05T10:00:00Z"), null, account("April Fools Ltd", "US", "US-CA", "Retail"));
        offer(l9, alpha, 1, Instant.parse("2003-04-05T10:00:00Z"), Instant.parse("2003-04-06T10:00:00Z"), "ACCEPTED",
                Instant.parse("2003-04-05T11:00:00Z"), null);
        strike(alpha, l9, "CUSTOMER_NOT_CONTACTED", Instant.parse("2003-04-06T10:00:00Z"));

        long l10 = lead("L10", fair, "Cloud Platform", "MID_MARKET", "PARTNER", "CONTACTED", gamma, at(10, 10), null,
                account("Lakeside Clinic", "US", "US-NY", "Healthcare"));
        offer(l10, alpha, 1, at(10, 10), at(11, 10), "WITHDRAWN", at(10, 13), "COMPETITION_LOST");
        offer(l10, gamma, 1, at(10, 10), at(11, 10), "ACCEPTED", at(10, 13), null);
        event(l10, "WITHDRAWN", at(10, 13), alpha);
        event(l10, "ACCEPTED", at(10, 13), gamma);
        event(l10, "CONTACTED", at(10, 17), gamma);

        jdbc.sql("""
                insert into partner_standing (partner_id, standing, since, warnings, suspensions, updated_at)
                values (:partner, 'WARNED', :since, 1, 0, :since)""")
                .param("partner", alpha).param("since", Timestamp.from(at(4, 0))).update();
        // Written past the lifecycle, so its report facts are worked out here, as after each step.
        facts.refresh(leads.values());
    }

    long id(String lead) {
        return leads.get(lead);
    }

    /** Day {@code day} of March 2003 at {@code hour}:00 UTC. */
    static Instant at(int day, int hour) {
        return MARCH.plus(Duration.ofDays(day - 1)).plus(Duration.ofHours(hour));
    }

    private long account(String name, String country, String region, String industry) {
        String domain = name.toLowerCase().replaceAll("[^a-z]", "") + "-" + UUID.randomUUID().toString().substring(0, 8)
                + ".example";
        Timestamp now = Timestamp.from(MARCH);
        jdbc.sql("""
                insert into account (name, domain, industry, country, region, employees, created_at, updated_at)
                values (:name, :domain, :industry, :country, :region, 100, :now, :now)""")
                .param("name", name).param("domain", domain).param("industry", industry).param("country", country)
                .param("region", region).param("now", now).update();
        return jdbc.sql("select id from account where domain = :domain").param("domain", domain)
                .query(Long.class).single();
    }

    private long lead(String name, String campaign, String product, String segment, String route, String status,
            String partner, Instant receivedAt, String outcomeReason, long account) {
        String externalId = name + "-" + unique;
        Timestamp at = Timestamp.from(receivedAt);
        jdbc.sql("""
                insert into contact (account_id, first_name, last_name, email, created_at, updated_at)
                values (:account, 'Pat', 'Prospect', :email, :at, :at)""")
                .param("account", account).param("email", externalId.toLowerCase() + "@prospect.example")
                .param("at", at).update();
        long contact = jdbc.sql("select id from contact where account_id = :account").param("account", account)
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

    private void offer(long lead, String partner, int attempt, Instant offeredAt, Instant dueAt, String outcome,
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

    private void event(long lead, String type, Instant at, String partner) {
        jdbc.sql("""
                insert into lead_event (lead_id, type, occurred_at, actor, partner_id)
                values (:lead, :type, :at, 'test', :partner)""")
                .param("lead", lead).param("type", type).param("at", Timestamp.from(at)).param("partner", partner)
                .update();
    }

    private void opportunity(long lead, String partner, String stage, String amount, String currency,
            String finalAmount, Instant createdAt, Instant closedAt) {
        jdbc.sql("""
                insert into opportunity (lead_id, partner_id, stage, amount, currency, expected_close_date,
                                         final_amount, created_at, updated_at, closed_at)
                values (:lead, :partner, :stage, :amount, :currency, :expected, :finalAmount, :createdAt,
                        :createdAt, :closedAt)""")
                .param("lead", lead).param("partner", partner).param("stage", stage)
                .param("amount", new BigDecimal(amount)).param("currency", currency)
                .param("expected", LocalDate.parse("2003-04-30"))
                .param("finalAmount", finalAmount == null ? null : new BigDecimal(finalAmount))
                .param("createdAt", Timestamp.from(createdAt))
                .param("closedAt", closedAt == null ? null : Timestamp.from(closedAt)).update();
    }

    private void strike(String partner, long lead, String kind, Instant at) {
        jdbc.sql("""
                insert into partner_strike (partner_id, lead_id, kind, occurred_at, detail)
                values (:partner, :lead, :kind, :at, 'fixture')""")
                .param("partner", partner).param("lead", lead).param("kind", kind).param("at", Timestamp.from(at))
                .update();
    }
}
