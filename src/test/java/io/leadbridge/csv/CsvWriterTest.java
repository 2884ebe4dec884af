package io.leadbridge.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void quotesFieldsWithSeparatorsQuotesLineBreaksAndOuterBlanksAndEndsRecordsWithCrlf() {
        StringWriter out = new StringWriter();

        new CsvWriter(out).row("plain", "a,b", "say \"hi\"", "two\nlines", " padded", "", null)
                .row("x");

        assertThat(out.toString()).isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" padded\",,\r\nx\r\n");
    }

    @Test
    void writesNumbersPlainlyAndTimesAsIsoInstants() {
        assertThat(CsvWriter.field(new BigDecimal("1.2E+4"))).isEqualTo("12000");
        assertThat(CsvWriter.field(new BigDecimal("-1.000"))).as("a negative number is no formula").isEqualTo("-1.000");
        assertThat(CsvWriter.field(42L)).isEqualTo("42");
        assertThat(CsvWriter.field(Instant.parse("2026-05-01T10:00:00Z"))).isEqualTo("2026-05-01T10:00:00Z");
        assertThat(CsvWriter.field(true)).isEqualTo("true");
    }

    @Test
    void keepsTextThatASpreadsheetWouldRunAsAFormulaText() {
        assertThat(CsvWriter.field("=1+1")).isEqualTo("'=1+1");
        assertThat(CsvWriter.field("+49 30 1234")).isEqualTo("'+49 30 1234");
        assertThat(CsvWriter.field("-2")).isEqualTo("'-2");
        assertThat(CsvWriter.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvWriter.field("=HYPERLINK(\"x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
        assertThat(CsvWriter.field("US-CA")).isEqualTo("US-CA");
    }
}
