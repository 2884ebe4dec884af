package io.leadbridge.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits of {@code POST /api/leads/import} ({@code leadbridge.lead-import.*} in application.yaml).
 *
 * @param maxFileSize the largest file accepted
 * @param maxRows     the most data rows (lines after the header) accepted in one file
 * @param maxHeaderLength the most characters of the header row; a longer one is refused unread
 * @param maxColumns  the most columns the header row may name
 */
@ConfigurationProperties(prefix = "leadbridge.lead-import")
public record LeadImportProperties(DataSize maxFileSize, Integer maxRows, Integer maxHeaderLength,
        Integer maxColumns) {

    public LeadImportProperties {
        if (maxFileSize == null) {
            maxFileSize = DataSize.ofMegabytes(20);
        }
        if (maxRows == null) {
            maxRows = 50_000;
        }
        if (maxHeaderLength == null) {
            maxHeaderLength = 4_096;
        }
        if (maxColumns == null) {
            maxColumns = 100;
        }
    }
}
