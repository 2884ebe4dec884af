package io.leadbridge.intake;

import io.leadbridge.csv.CsvReader;
import io.leadbridge.web.ControlCharacters;
import io.leadbridge.web.InvalidInputException;
import io.leadbridge.web.InvalidInputException.FieldError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The columns of a lead import file, and how one of its rows becomes a {@link LeadSubmission}: the
 * header names the columns (in any order and letter case), each row is read by them and checked
 * with the same rules as {@code POST /api/leads}. Errors name the fields as the JSON API does
 * ({@code contact.email}).
 */
final class LeadCsv {

    /** Row errors that belong to no single field: a ragged row, a broken quote. */
    static final String WHOLE_ROW = "row";
    /** Errors of the header row as a whole: its length, its column count, unknown and repeated columns. */
    static final String HEADER = "header";

    enum Kind { TEXT, WHOLE_NUMBER, DECIMAL }

    private static final Pattern WHOLE_NUMBER_FORM = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern DECIMAL_FORM = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");

    /** One documented column: its name in the file, the field it fills, and whether the file must have it. */
    enum Column {
        EXTERNAL_ID("externalId", "externalId", Kind.TEXT, true),
        SOURCE("source", "source", Kind.TEXT, true),
        CAMPAIGN("campaign", "campaign", Kind.TEXT, false),
        PRODUCT("product", "product", Kind.TEXT, true),
        SCORE("score", "score", Kind.WHOLE_NUMBER, true),
        NOTES("notes", "notes", Kind.TEXT, false),
        LANGUAGE("language", "language", Kind.TEXT, false),
        CONTACT_FIRST_NAME("contactFirstName", "contact.firstName", Kind.TEXT, true),
        CONTACT_LAST_NAME("contactLastName", "contact.lastName", Kind.TEXT, true),
        CONTACT_EMAIL("contactEmail", "contact.email", Kind.TEXT, true),
        CONTACT_PHONE("contactPhone", "contact.phone", Kind.TEXT, false),
        CONTACT_TITLE("contactTitle", "contact.title", Kind.TEXT, false),
        ACCOUNT_NAME("accountName", "account.name", Kind.TEXT, true),
        ACCOUNT_DOMAIN("accountDomain", "account.domain", Kind.TEXT, true),
        ACCOUNT_INDUSTRY("accountIndustry", "account.industry", Kind.TEXT, false),
        ACCOUNT_COUNTRY("accountCountry", "account.country", Kind.TEXT, true),
        ACCOUNT_REGION("accountRegion", "account.region", Kind.TEXT, false),
        ACCOUNT_EMPLOYEES("accountEmployees", "account.employees", Kind.WHOLE_NUMBER, false),
        ACCOUNT_ANNUAL_REVENUE("accountAnnualRevenue", "account.annualRevenue", Kind.DECIMAL, false);

        final String header;
        final String field;
        final Kind kind;
        final boolean required;

        Column(String header, String field, Kind kind, boolean required) {
            this.header = header;
            this.field = field;
            this.kind = kind;
            this.required = required;
        }

        static Column named(String header) {
            for (Column column : values()) {
                if (column.header.equalsIgnoreCase(header.trim())) {
                    return column;
                }
            }
            return null;
        }
    }

    /**
     * A data row read: either a submission to receive, or the reasons it cannot be.
     *
     * @param line       the physical line of the file (from 1, the header) on which the row starts
     * @param externalId the row's external id as written, or null
     */
    record Row(int line, String externalId, LeadSubmission submission, List<FieldError> errors) {
        boolean valid() {
            return errors.isEmpty();
        }
    }

    private final Column[] columns;
    private final Validator validator;

    private LeadCsv(Column[] columns, Validator validator) {
        this.columns = columns;
        this.validator = validator;
    }

    /** How many names of unknown, repeated or unnamed columns an error lists; the rest are counted. */
    static final int NAMED = 5;

    /**
     * Reads the header row; refuses a broken or overlong one, more than {@code maxColumns} columns,
     * and unknown, repeated, unnamed and missing columns. Unknown, repeated and unnamed columns are
     * one error each, listing the first {@value #NAMED}: the answer stays small whatever the header.
     */
    static LeadCsv header(CsvReader.Record header, Validator validator, int maxColumns) {
        if (header.problem() != null) {
            throw new InvalidInputException(HEADER, "the header row is broken: " + header.problem());
        }
        int count = header.fields().size();
        if (count > maxColumns) {
            throw new InvalidInputException(HEADER, "the header row has " + count + " columns; at most " + maxColumns
                    + " are allowed, and the columns are " + String.join(", ", columnNames()));
        }
        Column[] columns = new Column[count];
        Set<Column> seen = new HashSet<>();
        List<String> unknown = new ArrayList<>();
        List<String> repeated = new ArrayList<>();
        List<String> unnamed = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = header.fields().get(i);
            Column column = Column.named(name);
            if (name.isBlank()) {
                unnamed.add(String.valueOf(i + 1));
            } else if (column == null) {
                unknown.add(quoted(name));
            } else if (!seen.add(column)) {
                repeated.add(column.header);
            }
            columns[i] = column;
        }
        List<FieldError> errors = new ArrayList<>();
        if (!unknown.isEmpty()) {
            errors.add(new FieldError(HEADER, (unknown.size() == 1 ? "unknown column " : "unknown columns ")
                    + listed(unknown) + "; the columns are " + String.join(", ", columnNames())));
        }
        if (!repeated.isEmpty()) {
            errors.add(new FieldError(HEADER, "columns named more than once: " + listed(repeated)));
        }
        if (!unnamed.isEmpty()) {
            errors.add(new FieldError(HEADER, "columns without a name: " + listed(unnamed)));
        }
        for (Column column : Column.values()) {
            if (column.required && !seen.contains(column)) {
                errors.add(new FieldError(column.header, "required column missing from the header row"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new LeadCsv(columns, validator);
    }

    /** The first {@value #NAMED} names, and how many more there are. */
    private static String listed(List<String> names) {
        String first = String.join(", ", names.subList(0, Math.min(NAMED, names.size())));
        return names.size() > NAMED ? first + " and " + (names.size() - NAMED) + " more" : first;
    }

    /** Reads a data row by the header's columns and checks it as the JSON API checks a lead. */
    Row row(CsvReader.Record record) {
        Map<Column, String> values = new EnumMap<>(Column.class);
        List<String> cells = record.fields();
        for (int i = 0; i < Math.min(cells.size(), columns.length); i++) {
            String cell = cells.get(i);
            if (!cell.isBlank()) {
                values.put(columns[i], cell);
            }
        }
        String externalId = values.get(Column.EXTERNAL_ID);
        List<FieldError> errors = new ArrayList<>();
        if (record.problem() != null) {
            errors.add(new FieldError(WHOLE_ROW, record.problem()));
        } else if (cells.size() != columns.length) {
            errors.add(new FieldError(WHOLE_ROW, "has " + cells.size() + (cells.size() == 1 ? " field" : " fields")
                    + " where the header has " + columns.length));
        }
        if (!errors.isEmpty()) {
            return new Row(record.line(), externalId, null, errors);
        }

        Set<String> unreadable = new HashSet<>();
        values.forEach((column, value) -> {
            String badText = ControlCharacters.problem(value, column == Column.NOTES);
            if (value.indexOf('\uFFFD') >= 0) {
                errors.add(new FieldError(column.field, "holds bytes that are not UTF-8 (column " + column.header
                        + "); save the file as UTF-8"));
                unreadable.add(column.field);
            } else if (badText != null) {
                errors.add(new FieldError(column.field, badText + " (column " + column.header + ")"));
                unreadable.add(column.field);
            }
        });
        Integer score = wholeNumber(values, Column.SCORE, errors, unreadable);
        Integer employees = wholeNumber(values, Column.ACCOUNT_EMPLOYEES, errors, unreadable);
        BigDecimal revenue = decimal(values, Column.ACCOUNT_ANNUAL_REVENUE, errors, unreadable);
        LeadSubmission submission = new LeadSubmission(externalId, values.get(Column.SOURCE),
                values.get(Column.CAMPAIGN), values.get(Column.PRODUCT), score,
                new LeadSubmission.Contact(values.get(Column.CONTACT_FIRST_NAME), values.get(Column.CONTACT_LAST_NAME),
                        values.get(Column.CONTACT_EMAIL), values.get(Column.CONTACT_PHONE),
                        values.get(Column.CONTACT_TITLE)),
                new LeadSubmission.Account(values.get(Column.ACCOUNT_NAME), values.get(Column.ACCOUNT_DOMAIN),
                        values.get(Column.ACCOUNT_INDUSTRY), values.get(Column.ACCOUNT_COUNTRY), employees, revenue,
                        values.get(Column.ACCOUNT_REGION)),
                values.get(Column.NOTES), values.get(Column.LANGUAGE));
        for (ConstraintViolation<LeadSubmission> violation : validator.validate(submission)) {
            String field = violation.getPropertyPath().toString();
            if (!unreadable.contains(field)) {
                errors.add(new FieldError(field, violation.getMessage()));
            }
        }
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        return new Row(record.line(), externalId, errors.isEmpty() ? submission : null, List.copyOf(errors));
    }

    private static Integer wholeNumber(Map<Column, String> values, Column column, List<FieldError> errors,
            Set<String> unreadable) {
        String value = values.get(column);
        if (value == null || unreadable.contains(column.field)) {
            return null;
        }
        try {
            return Integer.valueOf(ascii(value.trim(), WHOLE_NUMBER_FORM));
        } catch (NumberFormatException e) {
            errors.add(new FieldError(column.field, quoted(value) + " in column " + column.header
                    + " is not a whole number"));
            unreadable.add(column.field);
            return null;
        }
    }

    private static BigDecimal decimal(Map<Column, String> values, Column column, List<FieldError> errors,
            Set<String> unreadable) {
        String value = values.get(column);
        if (value == null || unreadable.contains(column.field)) {
            return null;
        }
        try {
            return new BigDecimal(ascii(value.trim(), DECIMAL_FORM));
        } catch (NumberFormatException e) {
            errors.add(new FieldError(column.field, quoted(value) + " in column " + column.header
                    + " is not a number (write 2500000.50: a point, no thousands separators)"));
            unreadable.add(column.field);
            return null;
        }
    }

    /**
     * The number as written, if it is written in ASCII digits: Java's parsers also take other
     * scripts' digits (a full-width {@code ８０}) and exponents, which no documented file holds.
     */
    private static String ascii(String value, Pattern form) {
        if (!form.matcher(value).matches()) {
            throw new NumberFormatException();
        }
        return value;
    }

    /** A cell repeated in an error: its start only, so a huge cell is not copied into the answer. */
    private static String quoted(String value) {
        return "'" + (value.length() > 40 ? value.substring(0, 40) + "..." : value) + "'";
    }

    /** The documented column names, in the documented order. */
    static List<String> columnNames() {
        return Arrays.stream(Column.values()).map(c -> c.header).toList();
    }
}
