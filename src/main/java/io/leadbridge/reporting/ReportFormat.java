package io.leadbridge.reporting;

import io.leadbridge.csv.CsvDownload;
import io.leadbridge.csv.CsvTable;
import io.leadbridge.web.InvalidInputException.FieldError;
import io.leadbridge.web.InvalidInputException;
import java.util.List;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * JSON or CSV: {@code ?format=csv} or {@code ?format=json} decides; without it the {@code Accept}
 * header does: CSV when it names {@code text/csv} before any type that JSON satisfies
 * ({@code application/json}, {@code *}{@code /*}); JSON otherwise.
 */
public enum ReportFormat {
    JSON, CSV;

    public static final MediaType TEXT_CSV = CsvDownload.TEXT_CSV;

    /** As {@link #of}, adding a bad {@code format} to {@code errors} (JSON then) so a refusal names every parameter. */
    public static ReportFormat of(String format, String accept, List<FieldError> errors) {
        try {
            return of(format, accept);
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
            return JSON;
        }
    }

    /** The report itself as JSON, or its table as a CSV download named {@code fileName}. */
    public ResponseEntity<?> respond(Object report, String fileName, CsvTable table) {
        return this == JSON ? ResponseEntity.ok(report) : CsvDownload.of(fileName, table);
    }

    /** 400 naming {@code format} for a value other than csv or json. */
    public static ReportFormat of(String format, String accept) {
        if (format != null) {
            return switch (format.trim().toLowerCase(Locale.ROOT)) {
                case "csv" -> CSV;
                case "json" -> JSON;
                default -> throw new InvalidInputException("format", "'" + format + "' is not csv or json");
            };
        }
        if (accept != null) {
            try {
                // The first type the client names that either format satisfies decides (*/* is JSON).
                for (MediaType type : MediaType.parseMediaTypes(accept)) {
                    if (type.equalsTypeAndSubtype(TEXT_CSV)) {
                        return CSV;
                    }
                    if (type.includes(MediaType.APPLICATION_JSON)) {
                        return JSON;
                    }
                }
            } catch (IllegalArgumentException unreadable) {
                return JSON;
            }
        }
        return JSON;
    }
}
