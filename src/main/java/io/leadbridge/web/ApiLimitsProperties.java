package io.leadbridge.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the API's requests ({@code leadbridge.api.*} in application.yaml).
 *
 * @param maxBodySize the largest request body of {@code /api} (JSON); a larger one is answered 413
 *        before it is read. The CSV import and multipart uploads have their own, larger limits.
 */
@ConfigurationProperties(prefix = "leadbridge.api")
public record ApiLimitsProperties(DataSize maxBodySize, DataSize maxEngineBodySize) {

    public ApiLimitsProperties {
        if (maxBodySize == null) {
            maxBodySize = DataSize.ofMegabytes(1);
        }
        if (maxEngineBodySize == null) {
            maxEngineBodySize = DataSize.ofMegabytes(10);
        }
    }
}
