package io.leadbridge.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV records one at a time from a character stream, as RFC 4180 writes them: fields
 * separated by commas, records by CRLF or LF; a field in double quotes may hold commas, line
 * breaks and doubled quotes ({@code ""} for one {@code "}). A leading byte order mark is skipped.
 * Empty lines (a trailing one, too) are no records. Lenient where spreadsheets are: a quote inside
 * an unquoted field is an ordinary character. A quoted field that is followed by anything but a
 * separator, or that is still open at the end of the input, makes its record broken ({@link
 * Record#problem()}); reading goes on with the next line.
 */
public final class CsvReader {

    private static final char BOM = '\uFEFF';
    private static final int BUFFER = 64 * 1024;

    private final Reader in;
    private final int maxFields;
    private final char[] buffer = new char[BUFFER];
    private int length;
    private int position;
    private int line = 1;
    private boolean started;
    /** The current record's character limit, and how many characters it has taken so far. */
    private int limit;
    private int taken;
    /** Fields of the current record counted but not kept. */
    private int dropped;

    public CsvReader(Reader in) {
        this(in, Integer.MAX_VALUE);
    }

    /**
     * A reader that keeps at most {@code maxFields} fields of a record: the rest are counted and the
     * record is broken, so a line of millions of commas costs no memory.
     */
    public CsvReader(Reader in, int maxFields) {
        this.in = in;
        this.maxFields = maxFields;
    }

    /**
     * One record.
     *
     * @param line    the physical line (from 1) on which the record starts
     * @param fields  its fields as read, quotes removed
     * @param problem why the record is broken, or null
     */
    public record Record(int line, List<String> fields, String problem) {
    }

    /** The next record, or null at the end of the input. */
    public Record next() throws IOException {
        return next(Integer.MAX_VALUE);
    }

    /**
     * The next record, or null at the end of the input; reading stops once the record has taken
     * more than {@code maxLength} characters, and the record is answered broken, its fields as far
     * as read (so a one-line file of megabytes is not read to its end to be refused).
     */
    public Record next(int maxLength) throws IOException {
        if (!started) {
            started = true;
            if (peek() == BOM) {
                position++;
            }
        }
        while (true) {
            int c = peek();
            if (c < 0) {
                return null;
            }
            if (c == '\r' || c == '\n') {
                lineBreak();
                continue;
            }
            return record(maxLength);
        }
    }

    private Record record(int maxLength) throws IOException {
        int start = line;
        limit = maxLength;
        taken = 0;
        dropped = 0;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        String problem = null;
        while (true) {
            int c = read();
            if (c >= 0 && c != '\r' && c != '\n' && tooLong()) {
                keep(fields, field);
                return new Record(start, fields, tooLongProblem());
            }
            if (c == '"' && field.isEmpty()) {
                String quoteProblem = quoted(field, start);
                if (quoteProblem != null) {
                    keep(fields, field);
                    return new Record(start, fields, quoteProblem);
                }
                int after = peek();
                if (after >= 0 && after != ',' && after != '\r' && after != '\n') {
                    // The rest of the field is kept as read; the record is reported, not imported.
                    problem = "a quoted field must be followed by a comma or the end of the line";
                }
                continue;
            }
            if (c < 0 || c == '\r' || c == '\n') {
                if (c >= 0) {
                    position--;
                    lineBreak();
                }
                keep(fields, field);
                return new Record(start, fields, problem != null ? problem : tooManyFieldsProblem());
            }
            if (c == ',') {
                keep(fields, field);
                field.setLength(0);
                continue;
            }
            field.append((char) c);
        }
    }

    /** Reads a quoted field's content after its opening quote; answers a problem when the input ends inside it. */
    private String quoted(StringBuilder field, int start) throws IOException {
        while (true) {
            int c = read();
            if (c >= 0 && tooLong()) {
                return tooLongProblem();
            }
            if (c < 0) {
                return "the quoted field opened on line " + start + " is not closed before the end of the file";
            }
            if (c == '"') {
                if (peek() == '"') {
                    position++;
                    field.append('"');
                    continue;
                }
                return null;
            }
            if (c == '\n' || (c == '\r' && peek() != '\n')) {
                line++;
            }
            field.append((char) c);
        }
    }

    /** Keeps the field, or only counts it once the record has {@code maxFields}. */
    private void keep(List<String> fields, StringBuilder field) {
        if (fields.size() < maxFields) {
            fields.add(field.toString());
        } else {
            dropped++;
        }
    }

    private String tooManyFieldsProblem() {
        return dropped == 0 ? null : "it has " + ((long) maxFields + dropped) + " fields; at most " + maxFields
                + " are read";
    }

    /** Counts one more character of the current record; true once it is past the record's limit. */
    private boolean tooLong() {
        return ++taken > limit;
    }

    private String tooLongProblem() {
        return "it is longer than " + limit + " characters";
    }

    /** Consumes one line break (CRLF, LF or a lone CR) at the current position. */
    private void lineBreak() throws IOException {
        int c = read();
        if (c == '\r' && peek() == '\n') {
            position++;
        }
        line++;
    }

    private int peek() throws IOException {
        if (position == length && !fill()) {
            return -1;
        }
        return buffer[position];
    }

    private int read() throws IOException {
        int c = peek();
        if (c >= 0) {
            position++;
        }
        return c;
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer, 0, BUFFER);
        } while (n == 0);
        if (n < 0) {
            length = 0;
            position = 0;
            return false;
        }
        length = n;
        position = 0;
        return true;
    }
}
