package io.leadbridge.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadbridge.web.InvalidInputException;
import org.junit.jupiter.api.Test;

class ReportFormatTest {

    @Test
    void theFormatParameterDecidesBeforeTheAcceptHeader() {
        assertThat(ReportFormat.of("csv", "application/json")).isEqualTo(ReportFormat.CSV);
        assertThat(ReportFormat.of("JSON", "text/csv")).isEqualTo(ReportFormat.JSON);
        assertThatThrownBy(() -> ReportFormat.of("xml", null)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("format:");
    }

    @Test
    void theAcceptHeaderAsksForCsvOnlyWhenItNamesTextCsvFirst() {
        assertThat(ReportFormat.of(null, "text/csv")).isEqualTo(ReportFormat.CSV);
        assertThat(ReportFormat.of(null, "text/csv;charset=UTF-8, application/json")).isEqualTo(ReportFormat.CSV);
        assertThat(ReportFormat.of(null, "application/json, text/csv")).isEqualTo(ReportFormat.JSON);
        assertThat(ReportFormat.of(null, "*/*")).isEqualTo(ReportFormat.JSON);
        assertThat(ReportFormat.of(null, null)).isEqualTo(ReportFormat.JSON);
        assertThat(ReportFormat.of(null, "not a media type")).isEqualTo(ReportFormat.JSON);
    }
}
