package io.leadbridge.demo;

import io.leadbridge.config.LeadClock;
import io.leadbridge.config.LeadbridgeProperties;
import io.leadbridge.reporting.ExchangeRates;
import io.leadbridge.reporting.RateLine;
import io.leadbridge.reporting.ReportingProperties;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's second and third currency: monthly rates of USD and GBP into the reporting currency
 * (EUR) for the year before the day the demo loads and the next two months, so the dollar and pound
 * deals of US and British prospects ({@link DemoLeadDriver}) count in every converted report. Set
 * before the leads (the demo data runs after it) and only where no rate of the demo's currencies
 * is stored yet; the rates move a little from month to month, as they do.
 */
@Component
@Order(9)
class DemoExchangeRates implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoExchangeRates.class);

    private final LeadbridgeProperties properties;
    private final ExchangeRates rates;
    private final LeadClock clock;
    private final ReportingProperties reporting;

    DemoExchangeRates(LeadbridgeProperties properties, ExchangeRates rates, LeadClock clock,
            ReportingProperties reporting) {
        this.properties = properties;
        this.rates = rates;
        this.clock = clock;
        this.reporting = reporting;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demoData() || !"EUR".equals(reporting.currency()) || !rates.list("USD").isEmpty()
                || !rates.list("GBP").isEmpty()) {
            return;
        }
        List<RateLine> lines = all(LocalDate.ofInstant(clock.now(), ZoneOffset.UTC));
        rates.putAll(lines, DemoUsers.CHANNEL_MANAGER);
        log.info("Demo data: {} monthly exchange rates of USD and GBP into EUR", lines.size());
    }

    static List<RateLine> all(LocalDate today) {
        List<RateLine> lines = new ArrayList<>();
        YearMonth now = YearMonth.from(today);
        for (int i = -12; i <= 2; i++) {
            YearMonth month = now.plusMonths(i);
            BigDecimal wobble = new BigDecimal("0.01").multiply(BigDecimal.valueOf(Math.floorMod(i * 7, 5)));
            lines.add(new RateLine("USD", month, new BigDecimal("0.90").add(wobble)));
            lines.add(new RateLine("GBP", month, new BigDecimal("1.15").add(wobble)));
        }
        return lines;
    }
}
