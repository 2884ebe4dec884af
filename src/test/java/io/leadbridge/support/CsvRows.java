package io.leadbridge.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a CSV answer strictly as RFC 4180 writes it (CRLF after every record, quoted fields with
 * doubled quotes), so that a test fails on a file a BI tool would misread.
 */
public final class CsvRows {

    private final List<String> header;
    private final List<List<String>> rows;

    private CsvRows(List<List<String>> records) {
        this.header = records.get(0);
        this.rows = records.subList(1, records.size());
    }

    public static CsvRows parse(String text) {
        if (!text.isEmpty() && !text.endsWith("\r\n")) {
            throw new AssertionError("a CSV record must end with CRLF: " + text);
        }
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' && field.isEmpty()) {
                i++;
                while (true) {
                    if (i >= text.length()) {
                        throw new AssertionError("unterminated quoted field in: " + text);
                    }
                    char q = text.charAt(i);
                    if (q == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                    } else if (q == '"') {
                        i++;
                        break;
                    } else {
                        field.append(q);
                        i++;
                    }
                }
                char next = text.charAt(i);
                if (next != ',' && next != '\r') {
                    throw new AssertionError("a quoted field must be followed by , or CRLF at " + i + ": " + text);
                }
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                i++;
            } else if (c == '\r') {
                if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                    throw new AssertionError("a bare CR at " + i + ": " + text);
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i += 2;
            } else if (c == '\n') {
                throw new AssertionError("a bare LF at " + i + ": " + text);
            } else {
                field.append(c);
                i++;
            }
        }
        if (records.isEmpty()) {
            throw new AssertionError("no header row");
        }
        for (List<String> r : records) {
            if (r.size() != records.get(0).size()) {
                throw new AssertionError("record " + r + " has " + r.size() + " fields, the header "
                        + records.get(0).size());
            }
        }
        return new CsvRows(records);
    }

    public List<String> header() {
        return header;
    }

    public List<List<String>> rows() {
        return rows;
    }

    /** Each row as column name → value, in the file's order. */
    public List<Map<String, String>> maps() {
        List<Map<String, String>> maps = new ArrayList<>();
        for (List<String> row : rows) {
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                map.put(header.get(i), row.get(i));
            }
            maps.add(map);
        }
        return maps;
    }

    /** The one row whose column has this value. */
    public Map<String, String> row(String column, String value) {
        List<Map<String, String>> found = maps().stream().filter(m -> value.equals(m.get(column))).toList();
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " rows with " + column + " = " + value + " in " + maps());
        }
        return found.get(0);
    }
}
