package io.leadbridge.csv;

import java.util.List;

/** A report as one table for CSV: a header row of column names and the rows under it. */
public record CsvTable(List<String> header, List<List<Object>> rows) {

    public void writeTo(CsvWriter out) {
        out.row(header);
        rows.forEach(out::row);
    }
}
