package io.leadbridge.web;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/** 400: input that breaks a rule the bean annotations cannot express; names each field. */
public class InvalidInputException extends ApiException {

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(HttpStatus.BAD_REQUEST, errors.isEmpty() ? "invalid input"
                : errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** One broken rule: which field, and what is wrong with it. */
    public record FieldError(String field, String message) {
        @Override
        public String toString() {
            return field + ": " + message;
        }
    }
}
