package io.leadbridge.reporting;

import jakarta.servlet.http.HttpServletResponse;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * A CSV answer for BI tools: {@code text/csv; charset=UTF-8}, offered as a file to save
 * ({@code Content-Disposition: attachment; filename="pipeline_2026-05-01_2026-05-31.csv"}).
 */
public final class CsvDownload {

    private CsvDownload() {
    }

    /** A report's table as a whole answer: reports are aggregates, a few hundred rows at most. */
    public static ResponseEntity<String> of(String fileName, CsvTable table) {
        StringWriter text = new StringWriter();
        table.writeTo(new CsvWriter(text));
        return ResponseEntity.ok().contentType(ReportFormat.TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(fileName)).body(text.toString());
    }

    /** Sets the headers of a CSV answer that is then written row by row to the response. */
    public static void prepare(HttpServletResponse response, String fileName) {
        response.setContentType(ReportFormat.TEXT_CSV.toString());
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, disposition(fileName));
    }

    /** {@code <report>_<first day>_<last day>.csv}, the days of the period in UTC. */
    public static String fileName(String report, ReportPeriod period) {
        LocalDate first = LocalDate.ofInstant(period.from(), ZoneOffset.UTC);
        LocalDate last = LocalDate.ofInstant(period.to().minusNanos(1), ZoneOffset.UTC);
        return report + "_" + first + "_" + last + ".csv";
    }

    private static String disposition(String fileName) {
        return ContentDisposition.attachment().filename(fileName).build().toString();
    }
}
