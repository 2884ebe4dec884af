package io.leadbridge.dealregistration;

import io.leadbridge.web.InvalidInputException;
import io.leadbridge.web.InvalidInputException.FieldError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Tasklist's start form "Register a deal" ({@code registerDealForm}): its variables read into the
 * same {@link DealRegistrationRequest} as {@code POST /api/deals} and checked by the same bean
 * validation, each broken rule named by the form's variable. The partner is not on the form.
 */
@Component
class DealStartForm {

    static final String ACCOUNT_NAME = "accountName";
    static final String ACCOUNT_DOMAIN = "accountDomain";
    static final String ACCOUNT_COUNTRY = "accountCountry";
    static final String ACCOUNT_INDUSTRY = "accountIndustry";
    static final String CONTACT_FIRST_NAME = "contactFirstName";
    static final String CONTACT_LAST_NAME = "contactLastName";
    static final String CONTACT_EMAIL = "contactEmail";
    static final String CONTACT_PHONE = "contactPhone";
    static final String CONTACT_TITLE = "contactTitle";
    static final String PRODUCTS = "dealProducts";
    static final String AMOUNT = "dealAmount";
    static final String CURRENCY = "dealCurrency";
    static final String CLOSE_DATE = "dealCloseDate";
    static final String FOUND_HOW = "foundHow";

    /** Every variable the form writes; none stays in the process (the contact is personal data). */
    static final List<String> VARIABLES = List.of(ACCOUNT_NAME, ACCOUNT_DOMAIN, ACCOUNT_COUNTRY, ACCOUNT_INDUSTRY,
            CONTACT_FIRST_NAME, CONTACT_LAST_NAME, CONTACT_EMAIL, CONTACT_PHONE, CONTACT_TITLE, PRODUCTS, AMOUNT,
            CURRENCY, CLOSE_DATE, FOUND_HOW);

    /** The request's property paths as the form names them. */
    private static final Map<String, String> BY_PATH = Map.ofEntries(Map.entry("account", ACCOUNT_NAME),
            Map.entry("account.name", ACCOUNT_NAME), Map.entry("account.domain", ACCOUNT_DOMAIN),
            Map.entry("account.country", ACCOUNT_COUNTRY), Map.entry("account.industry", ACCOUNT_INDUSTRY),
            Map.entry("contact", CONTACT_EMAIL), Map.entry("contact.firstName", CONTACT_FIRST_NAME),
            Map.entry("contact.lastName", CONTACT_LAST_NAME), Map.entry("contact.email", CONTACT_EMAIL),
            Map.entry("contact.phone", CONTACT_PHONE), Map.entry("contact.title", CONTACT_TITLE),
            Map.entry("products", PRODUCTS), Map.entry("amount", AMOUNT), Map.entry("currency", CURRENCY),
            Map.entry("expectedCloseDate", CLOSE_DATE), Map.entry("foundHow", FOUND_HOW));

    private final Validator validator;

    DealStartForm(Validator validator) {
        this.validator = validator;
    }

    /** The answer as a request, or a 400 naming every variable that breaks a rule. */
    DealRegistrationRequest read(VariableScope scope) {
        List<FieldError> errors = new ArrayList<>();
        BigDecimal amount = null;
        String rawAmount = text(scope, AMOUNT);
        if (rawAmount != null) {
            try {
                amount = new BigDecimal(rawAmount).stripTrailingZeros();
                amount = amount.scale() < 0 ? amount.setScale(0) : amount;
            } catch (NumberFormatException e) {
                errors.add(new FieldError(AMOUNT, "'" + rawAmount + "' is not an amount"));
            }
        }
        LocalDate closeDate = null;
        Object rawDate = scope.getVariable(CLOSE_DATE);
        if (rawDate instanceof Date date) {
            closeDate = date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        } else if (rawDate != null && !rawDate.toString().isBlank()) {
            String date = rawDate.toString().trim();
            try {
                closeDate = LocalDate.parse(date.length() > 10 ? date.substring(0, 10) : date);
            } catch (DateTimeParseException e) {
                errors.add(new FieldError(CLOSE_DATE, "'" + rawDate + "' is not a date (YYYY-MM-DD)"));
            }
        }
        String products = text(scope, PRODUCTS);
        DealRegistrationRequest request = new DealRegistrationRequest(
                new DealRegistrationRequest.Account(text(scope, ACCOUNT_NAME), text(scope, ACCOUNT_DOMAIN),
                        text(scope, ACCOUNT_INDUSTRY), text(scope, ACCOUNT_COUNTRY)),
                new DealRegistrationRequest.Contact(text(scope, CONTACT_FIRST_NAME), text(scope, CONTACT_LAST_NAME),
                        text(scope, CONTACT_EMAIL), text(scope, CONTACT_PHONE), text(scope, CONTACT_TITLE)),
                products == null ? List.of() : Arrays.stream(products.split(",")).map(String::trim)
                        .filter(p -> !p.isEmpty()).toList(),
                amount, text(scope, CURRENCY), closeDate, text(scope, FOUND_HOW));
        for (ConstraintViolation<DealRegistrationRequest> violation : validator.validate(request)) {
            String path = violation.getPropertyPath().toString().replaceAll("\\[\\d*]", "")
                    .replaceAll("\\.<list element>", "");
            String field = BY_PATH.getOrDefault(path, path);
            if (errors.stream().noneMatch(e -> e.field().equals(field))) {
                errors.add(new FieldError(field, violation.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(e -> VARIABLES.indexOf(e.field())));
            throw new InvalidInputException(errors);
        }
        return request;
    }

    private static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }
}
