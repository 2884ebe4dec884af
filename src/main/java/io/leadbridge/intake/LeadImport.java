package io.leadbridge.intake;

import io.leadbridge.csv.CsvReader;
import io.leadbridge.web.ApiException;
import io.leadbridge.web.Failures;
import io.leadbridge.web.InvalidInputException;
import io.leadbridge.web.InvalidInputException.FieldError;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Imports a CSV file of leads: every valid row is received exactly as {@code POST /api/leads}
 * receives a lead, each in its own transaction, so a bad row neither blocks nor rolls back
 * another. The file is read twice, streaming: once to check the header and the row limit before
 * anything is stored, once to import. Deliberately not transactional.
 */
@Service
public class LeadImport {

    /** At most this many ids and rejected rows are listed in a summary; the counts are complete. */
    static final int LISTED = 1_000;

    private static final Logger log = LoggerFactory.getLogger(LeadImport.class);

    private final LeadIntake intake;
    private final Validator validator;
    private final LeadImportProperties limits;

    LeadImport(LeadIntake intake, Validator validator, LeadImportProperties limits) {
        this.intake = intake;
        this.validator = validator;
        this.limits = limits;
    }

    /** The file to import; opened once per pass. */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }

    /**
     * What an import did.
     *
     * @param rows     data rows read (the header and empty lines not counted)
     * @param created  rows that became new leads
     * @param existing rows whose source and external id were received before (also earlier in the same file)
     * @param rejected rows that were not imported, with the reasons
     */
    public record Summary(int rows, Leads created, Leads existing, Rejections rejected) {
    }

    /** How many, and the first {@value LeadImport#LISTED} lead ids in file order. */
    public record Leads(int count, List<Long> leadIds) {
    }

    /** How many, and the first {@value LeadImport#LISTED} rejected rows in file order. */
    public record Rejections(int count, List<RejectedRow> rows) {
    }

    /** A row not imported: where it starts in the file (the header is line 1), its external id if any, why. */
    public record RejectedRow(int line, String externalId, List<FieldError> errors) {
    }

    public Summary run(Source file, String actor) {
        long started = System.nanoTime();
        try {
            LeadCsv csv = check(file);
            Tally tally = new Tally();
            try (Reader in = utf8(file.open())) {
                CsvReader records = new CsvReader(in, limits.maxColumns());
                records.next();
                for (CsvReader.Record record = records.next(); record != null; record = records.next()) {
                    importRow(csv.row(record), actor, tally);
                }
            }
            Summary summary = tally.summary();
            log.info("import by {}: {} rows, {} new leads, {} known before, {} rejected, in {} ms", actor,
                    summary.rows(), summary.created().count(), summary.existing().count(),
                    summary.rejected().count(), (System.nanoTime() - started) / 1_000_000);
            return summary;
        } catch (IOException e) {
            throw new InvalidInputException("file", "could not be read: " + e.getMessage());
        }
    }

    /** The first pass: the header names known columns and all required ones, and the rows are within the limit. */
    private LeadCsv check(Source file) throws IOException {
        try (Reader in = utf8(file.open())) {
            CsvReader records = new CsvReader(in, limits.maxColumns());
            CsvReader.Record header = records.next(limits.maxHeaderLength());
            if (header == null) {
                throw new InvalidInputException("file", "is empty; the first line must name the columns");
            }
            LeadCsv csv = LeadCsv.header(header, validator, limits.maxColumns());
            int rows = 0;
            while (records.next() != null) {
                if (++rows > limits.maxRows()) {
                    throw ApiException.tooLarge("the file has more than " + limits.maxRows()
                            + " rows; split it into files of at most " + limits.maxRows() + " rows");
                }
            }
            return csv;
        }
    }

    private void importRow(LeadCsv.Row row, String actor, Tally tally) {
        tally.rows++;
        if (!row.valid()) {
            tally.reject(row, row.errors());
            return;
        }
        try {
            LeadIntake.Received received = LeadIntakeController.receive(intake, row.submission(), actor);
            if (received.created()) {
                tally.created.add(received.lead().id());
            } else {
                tally.existing.add(received.lead().id());
            }
        } catch (RuntimeException e) {
            // This row's transaction was rolled back; the rows before and after it stand on their own.
            // Bounded: a database error can quote a whole cell of the file.
            log.warn("import by {}: line {} ({}) could not be stored: {}", actor, row.line(), row.externalId(),
                    Failures.describe(e));
            tally.reject(row, List.of(new FieldError(LeadCsv.WHOLE_ROW,
                    "could not be stored: the database refused it (the service log has the details)")));
        }
    }

    /** UTF-8, bytes that are not UTF-8 read as U+FFFD: the rows holding them are rejected, the others imported. */
    private static Reader utf8(InputStream in) {
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
    }

    private static final class Tally {
        int rows;
        final Counted<Long> created = new Counted<>();
        final Counted<Long> existing = new Counted<>();
        final Counted<RejectedRow> rejected = new Counted<>();

        void reject(LeadCsv.Row row, List<FieldError> errors) {
            rejected.add(new RejectedRow(row.line(), row.externalId(), errors));
        }

        Summary summary() {
            return new Summary(rows, new Leads(created.count, created.listed), new Leads(existing.count,
                    existing.listed), new Rejections(rejected.count, rejected.listed));
        }
    }

    private static final class Counted<T> {
        int count;
        final List<T> listed = new ArrayList<>();

        void add(T item) {
            count++;
            if (listed.size() < LISTED) {
                listed.add(item);
            }
        }
    }
}
