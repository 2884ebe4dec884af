package io.leadbridge.reporting;

import io.leadbridge.campaign.CampaignRequest;
import io.leadbridge.campaign.Campaigns;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadHistory;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Money in three currencies to convert by hand, in January and February 2005, months no other
 * test uses; the reporting currency is EUR. Partners euro (GOLD) and dollar (SILVER); campaigns
 * autumn (2000 EUR, from 10 January) and states (1000 USD, from 1 January) and pounds (500 GBP, from
 * 1 February). Rates, set through the API by a channel manager: USD January 0.80, USD February 0.75,
 * GBP January 1.40; GBP February has none.
 *
 * <pre>
 * C1 autumn  euro    received 5 Jan   WON 10000 EUR on 20 Jan         10000.00 EUR
 * C2 autumn  dollar  received 6 Jan   WON 95000 USD on 10 Feb   x0.75 71250.00 EUR
 * C3 autumn  dollar  received 7 Jan   PROPOSAL 20000 USD (open) x0.80 16000.00 EUR (month of arrival)
 * C4 autumn  euro    received 3 Feb   WON 5000 GBP on 20 Feb    no rate: GBP 5000.00 beside
 * C5 states  dollar  received 8 Jan   WON 3000 USD on 25 Jan    x0.80  2400.00 EUR
 * C6 states  dollar  received 9 Jan   PROPOSAL 1000 GBP (open)  x1.40  1400.00 EUR
 * C7 pounds  euro    received 5 Feb   disqualified, no opportunity
 * </pre>
 *
 * Pipeline, converted: PROPOSAL 2 worth 17400.00; WON 4 worth 83650.00 with GBP 5000.00 without a rate.
 * Campaign autumn: won 81250.00 EUR converted, GBP 5000.00 without a rate, so no converted ROI (its
 * old ROI counts euros only: (10000 − 2000) / 2000 = 4.000); for dollar alone: won 71250.00, ROI
 * (71250 − 2000) / 2000 = 34.625 where the euro-only ROI said −1.000. Campaign states: cost 1000 USD
 * × 0.80 = 800.00, won 2400.00, cost per lead 400.00, ROI (2400 − 800) / 800 = 2.000. Campaign
 * pounds: cost without a rate (GBP February), no ROI.
 */
public final class CurrencyFixture {

    /** January and February 2005. */
    public static final String PERIOD = "from=2005-01-01&to=2005-02-28";

    public final String euro;
    public final String dollar;
    public final String dollarRep;
    public final String euroRep;
    public final String autumn;
    public final String states;
    public final String pounds;
    public final Map<String, Long> leads = new LinkedHashMap<>();

    public CurrencyFixture(LeadFixtures fixtures, Campaigns campaigns, ReportFacts facts, JdbcClient jdbc,
            ApiClient channelManager) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        LeadHistory history = new LeadHistory(jdbc, unique, leads, at(1, 1, 0));
        euro = fixtures.partner("euro", PartnerTier.GOLD, "DE");
        dollar = fixtures.partner("dollar", PartnerTier.SILVER, "US");
        dollarRep = fixtures.rep(dollar);
        euroRep = fixtures.rep(euro);
        autumn = "autumn-" + unique;
        states = "states-" + unique;
        pounds = "pounds-" + unique;
        campaigns.create(new CampaignRequest(autumn, "Autumn launch", "webinar", new BigDecimal("2000"), "EUR",
                LocalDate.parse("2005-01-10"), null), "test");
        campaigns.create(new CampaignRequest(states, "US roadshow", "event", new BigDecimal("1000"), "USD",
                LocalDate.parse("2005-01-01"), null), "test");
        campaigns.create(new CampaignRequest(pounds, "London fair", "trade show", new BigDecimal("500"), "GBP",
                LocalDate.parse("2005-02-01"), null), "test");
        put(channelManager, "USD", "2005-01", "0.80");
        put(channelManager, "USD", "2005-02", "0.75");
        put(channelManager, "GBP", "2005-01", "1.40");

        won("C1", autumn, euro, at(1, 5, 10), "10000", "EUR", at(1, 20, 10), history);
        won("C2", autumn, dollar, at(1, 6, 10), "95000", "USD", at(2, 10, 10), history);
        open("C3", autumn, dollar, at(1, 7, 10), "20000", "USD", history);
        won("C4", autumn, euro, at(2, 3, 10), "5000", "GBP", at(2, 20, 10), history);
        won("C5", states, dollar, at(1, 8, 10), "3000", "USD", at(1, 25, 10), history);
        open("C6", states, dollar, at(1, 9, 10), "1000", "GBP", history);
        history.lead("C7", pounds, "Cloud Platform", "SMB", "DISQUALIFY", "DISQUALIFIED", null, at(2, 5, 10), null,
                history.account("Pound Shop", "GB", null, "Retail"));
        facts.refresh(leads.values());
    }

    private static void won(String name, String campaign, String partner, Instant receivedAt, String amount,
            String currency, Instant wonAt, LeadHistory history) {
        long lead = history.lead(name, campaign, "Cloud Platform", "MID_MARKET", "PARTNER", "WON", partner,
                receivedAt, null, history.account(name + " Corp", "US", null, "Retail"));
        history.opportunity(lead, partner, "WON", amount, currency, amount, receivedAt, wonAt);
        history.event(lead, "WON", wonAt, partner);
    }

    private static void open(String name, String campaign, String partner, Instant receivedAt, String amount,
            String currency, LeadHistory history) {
        long lead = history.lead(name, campaign, "Cloud Platform", "MID_MARKET", "PARTNER", "OPPORTUNITY", partner,
                receivedAt, null, history.account(name + " Corp", "US", null, "Retail"));
        history.opportunity(lead, partner, "PROPOSAL", amount, currency, null, receivedAt, null);
    }

    private static void put(ApiClient channelManager, String currency, String month, String rate) {
        ApiClient.Response stored = channelManager.put("/api/exchange-rates/" + currency + "/" + month,
                Map.of("rate", new BigDecimal(rate)));
        if (stored.status() != 200) {
            throw new IllegalStateException("rate " + currency + " " + month + " not stored: " + stored);
        }
    }

    /** {@code day} of {@code month} 2005 at {@code hour}:00 UTC. */
    static Instant at(int month, int day, int hour) {
        return Instant.parse(String.format("2005-%02d-%02dT%02d:00:00Z", month, day, hour));
    }
}
