package io.leadbridge.csv;

import jakarta.servlet.http.HttpServletResponse;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A CSV answer for BI tools: {@code text/csv; charset=UTF-8}, offered as a file to save
 * ({@code Content-Disposition: attachment; filename="pipeline_2026-05-01_2026-05-31.csv"}).
 */
public final class CsvDownload {

    public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private CsvDownload() {
    }

    /** A report's table as a whole answer: reports are aggregates, a few hundred rows at most. */
    public static ResponseEntity<String> of(String fileName, CsvTable table) {
        StringWriter text = new StringWriter();
        table.writeTo(new CsvWriter(text));
        return ResponseEntity.ok().contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(fileName)).body(text.toString());
    }

    /** Sets the headers of a CSV answer that is then written row by row to the response. */
    public static void prepare(HttpServletResponse response, String fileName) {
        response.setContentType(TEXT_CSV.toString());
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, disposition(fileName));
    }

    private static String disposition(String fileName) {
        return ContentDisposition.attachment().filename(fileName).build().toString();
    }
}
