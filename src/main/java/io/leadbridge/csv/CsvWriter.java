package io.leadbridge.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * Writes CSV as RFC 4180 has it: fields separated by commas, records ended by CRLF, a field in
 * double quotes when it holds a comma, a quote, a line break or leading or trailing blanks, with
 * its quotes doubled. A null is an empty field, a number is written plainly ({@code 12000.00}, never
 * {@code 1.2E+4}), a time as an ISO instant. Text that a spreadsheet would run as a formula (it
 * starts with {@code = + - @}, a tab or a carriage return) gets a leading {@code '}: lead data
 * comes from web forms, and an export must not turn into code on a channel manager's desktop.
 */
public final class CsvWriter {

    private static final String RECORD_END = "\r\n";

    private final Writer out;

    public CsvWriter(Writer out) {
        this.out = out;
    }

    public CsvWriter row(Object... fields) {
        return row(Arrays.asList(fields));
    }

    public CsvWriter row(List<?> fields) {
        try {
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(field(fields.get(i)));
            }
            out.write(RECORD_END);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("writing CSV failed: " + e.getMessage(), e);
        }
    }

    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("writing CSV failed: " + e.getMessage(), e);
        }
    }

    /** One field as it appears in the file, quoted where it must be. */
    static String field(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        String text = value instanceof Enum<?> constant ? constant.name() : value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0 || (!text.isEmpty()
                        && (Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(text.length() - 1))));
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
