package io.leadbridge.reporting;

import io.leadbridge.csv.CsvReader;
import io.leadbridge.web.InvalidInputException;
import io.leadbridge.web.InvalidInputException.FieldError;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An uploaded file of rates: CSV (RFC 4180, UTF-8) with the header {@code currency,month,rate} in
 * any order, one rate per line ({@code USD,2026-11,0.92}). The file is taken whole or not at all: a
 * broken line, an unknown column, a month given twice answers 400 naming every line and field, and
 * nothing is stored. Its size is bounded before it is read (the API's body limit).
 */
final class ExchangeRateFile {

    static final List<String> COLUMNS = List.of("currency", "month", "rate");
    /** Errors listed in one answer; a file with more is refused with the first ones. */
    private static final int MAX_ERRORS = 50;

    private ExchangeRateFile() {
    }

    static List<RateLine> read(InputStream in, String reportingCurrency) {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        try {
            return read(new CsvReader(reader, COLUMNS.size() + 1), reportingCurrency);
        } catch (CharacterCodingException notUtf8) {
            throw new InvalidInputException("file", "must be UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<RateLine> read(CsvReader records, String reportingCurrency) throws IOException {
        CsvReader.Record header = records.next(200);
        if (header == null) {
            throw new InvalidInputException("file", "is empty; the first line names the columns currency,month,rate");
        }
        Map<String, Integer> columns = columns(header);
        List<FieldError> errors = new ArrayList<>();
        List<RateLine> lines = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (CsvReader.Record record = records.next(200); record != null; record = records.next(200)) {
            String prefix = "line " + record.line() + ": ";
            if (record.problem() != null || record.fields().size() != columns.size()) {
                errors.add(new FieldError("line " + record.line(), record.problem() != null ? record.problem()
                        : "has " + record.fields().size() + " fields; the header names " + columns.size()));
            } else {
                List<String> fields = record.fields();
                String currency = RateLine.currency(fields.get(columns.get("currency")), reportingCurrency, prefix,
                        errors);
                YearMonth month = RateLine.month(fields.get(columns.get("month")), prefix, errors);
                BigDecimal rate = RateLine.rate(fields.get(columns.get("rate")), prefix, errors);
                if (currency != null && month != null && rate != null) {
                    Integer before = seen.putIfAbsent(currency + " " + month, record.line());
                    if (before != null) {
                        errors.add(new FieldError(prefix + "month", currency + " " + month + " is given on line "
                                + before + " too"));
                    }
                    lines.add(new RateLine(currency, month, rate));
                }
            }
            if (errors.size() >= MAX_ERRORS) {
                break;
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (lines.isEmpty()) {
            throw new InvalidInputException("file", "holds no rates: one line per currency and month after the header");
        }
        return lines;
    }

    /** Where each column is; 400 unless the header names currency, month and rate, once each, and nothing else. */
    private static Map<String, Integer> columns(CsvReader.Record header) {
        Map<String, Integer> columns = new HashMap<>();
        List<String> fields = header.fields();
        for (int i = 0; i < fields.size(); i++) {
            String name = fields.get(i).trim().toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(name) || columns.putIfAbsent(name, i) != null) {
                columns.clear();
                break;
            }
        }
        if (header.problem() != null || columns.size() != COLUMNS.size()) {
            throw new InvalidInputException("header", "must name the columns currency, month and rate, each once");
        }
        return columns;
    }
}
