package io.leadbridge.reporting;

import io.leadbridge.campaign.CampaignRequest;
import io.leadbridge.campaign.Campaigns;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadHistory;
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
 * offers, events, opportunities, strikes, through {@link LeadHistory}), then its report facts worked
 * out, in March 2003, a month no other test uses. Partners alpha (GOLD), beta (SILVER) and gamma
 * (GOLD); campaigns spring (1000 EUR) and fair (500 EUR). Days are March's, times UTC.
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
    private final LeadHistory history;
    private final String unique = UUID.randomUUID().toString().substring(0, 8);

    ReportFixture(LeadFixtures fixtures, Campaigns campaigns, ReportFacts facts, JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.history = new LeadHistory(jdbc, unique, leads, MARCH);
        alpha = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        beta = fixtures.partner("beta", PartnerTier.SILVER, "US", "DE");
        gamma = fixtures.partner("gamma", PartnerTier.GOLD, "US", "DE");
        alphaRep = fixtures.rep(alpha);
        betaRep = fixtures.rep(beta);
        spring = "spring-" + unique;
        fair = "fair-" + unique;
        campaigns.create(new CampaignRequest(spring, "Spring webinar series", "webinar", new BigDecimal("1000.00"),
                "EUR", LocalDate.parse("2003-02-15"), LocalDate.parse("2003-03-20")), "test");
        campaigns.create(new CampaignRequest(fair, "Trade fair Hannover", "trade show", new BigDecimal("500"), null,
                LocalDate.parse("2003-03-01"), null), "test");

        long l1 = history.lead("L1", spring, "Cloud Platform", "SMB", "PARTNER", "WON", alpha, at(1, 10), null,
                history.account("Acme, \"Retail\" Inc.", "US", "US-CA", "Retail"));
        history.offer(l1, alpha, 1, at(1, 10), at(2, 10), "ACCEPTED", at(1, 12), null);
        history.event(l1, "ACCEPTED", at(1, 12), alpha);
        history.event(l1, "CONTACTED", at(1, 17), alpha);
        history.opportunity(l1, alpha, "WON", "10000", "EUR", "12000", at(2, 10), at(11, 10));
        history.event(l1, "WON", at(11, 10), alpha);

        long l2 = history.lead("L2", spring, "Cloud Platform", "MID_MARKET", "PARTNER", "OPPORTUNITY", beta,
                at(2, 9), null,
                history.account("Mercy Health", "US", "US-NY", "Healthcare"));
        history.offer(l2, alpha, 1, at(2, 9), at(3, 9), "WITHDRAWN", at(3, 9), "ACCEPT_SLA_MISSED");
        history.event(l2, "WITHDRAWN", at(3, 9), alpha);
        history.strike(alpha, l2, "ACCEPT_SLA_MISSED", at(3, 9));
        history.offer(l2, beta, 2, at(3, 9), at(4, 9), "ACCEPTED", at(3, 13), null);
        history.event(l2, "ACCEPTED", at(3, 13), beta);
        history.event(l2, "CONTACTED", at(4, 13), beta);
        history.opportunity(l2, beta, "PROPOSAL", "5000", "EUR", null, at(5, 10), null);

        long l3 = history.lead("L3", spring, "Security Suite", "ENTERPRISE", "PARTNER", "UNASSIGNED", null,
                at(3, 8), null,
                history.account("Stahlwerk GmbH", "DE", null, "Manufacturing"));
        history.offer(l3, beta, 1, at(3, 8), at(4, 8), "DECLINED", at(3, 9), null);
        history.event(l3, "DECLINED", at(3, 9), beta);
        history.offer(l3, gamma, 2, at(3, 9), at(4, 9), "ACCEPTED", at(3, 10), null);
        history.event(l3, "ACCEPTED", at(3, 10), gamma);
        history.event(l3, "WITHDRAWN", at(5, 10), gamma);
        history.strike(gamma, l3, "CONTACT_SLA_MISSED", at(5, 10));
        history.event(l3, "UNASSIGNED", at(5, 10), null);

        long l4 = history.lead("L4", fair, "Cloud Platform", "SMB", "PARTNER", "LOST", alpha, at(5, 10),
                "CHOSE_COMPETITOR",
                history.account("=HYPERLINK(\"http://evil.example\")", "US", "US-CA", "Retail"));
        history.offer(l4, alpha, 1, at(5, 10), at(6, 10), "ACCEPTED", at(5, 16), null);
        history.event(l4, "ACCEPTED", at(5, 16), alpha);
        history.event(l4, "LOST", at(6, 22), alpha);

        long l5 = history.lead("L5", fair, "Networking", "MID_MARKET", "PARTNER", "WON", beta, at(6, 10), null,
                history.account("Rheinmetallbau AG", "DE", null, "Manufacturing"));
        history.offer(l5, beta, 1, at(6, 10), at(7, 10), "ACCEPTED", at(7, 16), null);
        history.event(l5, "ACCEPTED", at(7, 16), beta);
        history.event(l5, "CONTACTED", at(7, 18), beta);
        history.opportunity(l5, beta, "WON", "8000", "USD", "9000", at(8, 10), at(16, 10));
        history.event(l5, "WON", at(16, 10), beta);

        history.lead("L6", null, "Cloud Platform", "SMB", "INSIDE_SALES", "INSIDE_SALES", null, at(7, 10), null,
                history.account("Corner Shop", "US", null, "Retail"));
        history.lead("L7", fair, "Cloud Platform", "SMB", "DISQUALIFY", "DISQUALIFIED", null, at(8, 10), null,
                history.account("Student Project", "US", "US-CA", "Retail"));

        long l8 = history.lead("L8", spring, "Cloud Platform", "SMB", "PARTNER", "OFFERED", alpha, at(9, 10), null,
                history.account("Sunset Stores", "US", "US-CA", "Retail"));
        history.offer(l8, alpha, 1, at(9, 10), at(10, 10), null, null, null);

        long l9 = history.lead("L9", spring, "Cloud Platform", "SMB", "PARTNER", "ACCEPTED", alpha,
                Instant.parse("2003-04-05T10:00:00Z"), null,
                history.account("April Fools Ltd", "US", "US-CA", "Retail"));
        history.offer(l9, alpha, 1, Instant.parse("2003-04-05T10:00:00Z"), Instant.parse("2003-04-06T10:00:00Z"),
                "ACCEPTED",
                Instant.parse("2003-04-05T11:00:00Z"), null);
        history.strike(alpha, l9, "CUSTOMER_NOT_CONTACTED", Instant.parse("2003-04-06T10:00:00Z"));

        long l10 = history.lead("L10", fair, "Cloud Platform", "MID_MARKET", "PARTNER", "CONTACTED", gamma,
                at(10, 10), null,
                history.account("Lakeside Clinic", "US", "US-NY", "Healthcare"));
        history.offer(l10, alpha, 1, at(10, 10), at(11, 10), "WITHDRAWN", at(10, 13), "COMPETITION_LOST");
        history.offer(l10, gamma, 1, at(10, 10), at(11, 10), "ACCEPTED", at(10, 13), null);
        history.event(l10, "WITHDRAWN", at(10, 13), alpha);
        history.event(l10, "ACCEPTED", at(10, 13), gamma);
        history.event(l10, "CONTACTED", at(10, 17), gamma);

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
}
