package io.leadbridge.rewards;

import io.leadbridge.web.InvalidInputException.FieldError;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** How a report answers: JSON, or CSV when asked with {@code ?format=csv} or {@code Accept: text/csv}. */
enum ReportFormat {
    JSON, CSV;

    /** {@code format} wins over the Accept header; a format other than json or csv is added to {@code errors}. */
    static ReportFormat choose(String format, String accept, List<FieldError> errors) {
        if (format != null) {
            switch (format.trim().toLowerCase(Locale.ROOT)) {
                case "json" -> {
                    return JSON;
                }
                case "csv" -> {
                    return CSV;
                }
                default -> {
                    errors.add(new FieldError("format", "'" + format + "' is not one of json, csv"));
                    return JSON;
                }
            }
        }
        return asksForCsv(accept) ? CSV : JSON;
    }

    /** The report as JSON, or its table as a CSV attachment named {@code fileName}. */
    ResponseEntity<Object> respond(Object report, String fileName, String[] header, List<Object[]> rows) {
        if (this == JSON) {
            return ResponseEntity.ok(report);
        }
        return ResponseEntity.ok()
                .contentType(CsvTable.TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .body(CsvTable.write(header, rows));
    }

    private static boolean asksForCsv(String accept) {
        if (accept == null) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(type -> !type.isWildcardType() && type.isCompatibleWith(CsvTable.TEXT_CSV));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
