package io.leadbridge.rewards;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.http.MediaType;

/**
 * Writes a header and rows as RFC 4180 CSV for BI tools: comma separated, CRLF line ends, fields
 * with commas, quotes or line breaks quoted. Empty for null. A text field that a spreadsheet would
 * run as a formula (starting with {@code = + - @}) gets a leading apostrophe.
 */
final class CsvTable {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private CsvTable() {
    }

    static String write(String[] header, List<Object[]> rows) {
        StringBuilder csv = new StringBuilder();
        line(csv, header);
        rows.forEach(row -> line(csv, row));
        return csv.toString();
    }

    private static void line(StringBuilder csv, Object[] fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(fields[i]));
        }
        csv.append("\r\n");
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
