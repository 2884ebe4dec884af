package io.leadbridge.reporting;

import java.util.Currency;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the reports ({@code leadbridge.reporting.*} in application.yaml).
 *
 * @param currency the ISO 4217 currency the vendor reports in (default EUR): every report's converted
 *                 figures, at the monthly rates of {@link ExchangeRates}; a new campaign's currency
 *                 unless it names one, and the currency of the value won from leads of a campaign
 *                 that has no campaign record.
 */
@ConfigurationProperties(prefix = "leadbridge.reporting")
public record ReportingProperties(String currency) {

    public ReportingProperties {
        if (currency == null || currency.isBlank()) {
            currency = "EUR";
        }
        // Fails the start with a clear message rather than the first report.
        currency = Currency.getInstance(currency.trim()).getCurrencyCode();
    }
}
