package io.leadbridge.demo;

import io.leadbridge.campaign.CampaignRequest;
import io.leadbridge.demo.DemoLeads.Campaign;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the campaigns of {@link DemoLeads} cost, so that the campaign report has a return to show.
 * Dates are set around the day the demo loads; costs are in the reporting currency.
 */
final class DemoCampaigns {

    private DemoCampaigns() {
    }

    static List<CampaignRequest> all(LocalDate today) {
        return List.of(
                request(DemoLeads.AUTUMN_LAUNCH, "Autumn launch e-book", "content download", "18000.00",
                        today.minusDays(45), today.plusDays(15)),
                request(DemoLeads.PARTNER_WEBINAR, "Partner webinar series", "webinar", "6500.00",
                        today.minusDays(60), null),
                request(DemoLeads.TRADE_SHOW_BERLIN, "Trade show Berlin", "trade show", "42000.00",
                        today.minusDays(20), today.minusDays(18)),
                request(DemoLeads.NORDIC_ROADSHOW, "Nordic cloud roadshow", "event", "27500.00",
                        today.minusDays(30), today.minusDays(10)));
    }

    private static CampaignRequest request(Campaign campaign, String name, String channel, String cost,
            LocalDate startsOn, LocalDate endsOn) {
        return new CampaignRequest(campaign.id(), name, channel, new BigDecimal(cost), null, startsOn, endsOn);
    }
}
