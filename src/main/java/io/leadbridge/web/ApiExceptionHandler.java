package io.leadbridge.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.leadbridge.database.DatabaseFailures;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal of the Leadbridge API as an RFC 9457 problem detail. Validation problems carry
 * {@code errors}: one entry per field, so a marketing system can fix all of them at once.
 * Anything unexpected is a 500 with a generic text and an {@code errorId} that the log line with
 * the stack trace carries too: an answer never holds an exception's message, SQL or a class name,
 * and never repeats more than a few characters of what the caller sent.
 */
@RestControllerAdvice(basePackages = "io.leadbridge")
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    /** How much of a value the caller sent is repeated in an answer. */
    private static final int QUOTED = 40;

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e) {
        return invalid(e.errors());
    }

    /** A task answer the step's form does not allow (see taskform.TaskAnswerGuard), or one of Camunda's form validators. */
    @ExceptionHandler(FormFieldValidationException.class)
    ProblemDetail invalidTaskAnswer(FormFieldValidationException e) {
        if (e.getCause() instanceof InvalidInputException refusal) {
            return invalid(refusal.errors()); // the step's own check: every broken rule
        }
        String field = e.getDetail() instanceof String name ? name : "variables";
        String prefix = field + ": ";
        String message = e.getMessage() != null && e.getMessage().startsWith(prefix)
                ? e.getMessage().substring(prefix.length()) : e.getMessage();
        return invalid(List.of(new InvalidInputException.FieldError(field, message)));
    }

    /** The content type is set here: a 406 answers a caller whose Accept header may not even parse. */
    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> refused(ApiException e) {
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(e.status(), e.getMessage()));
    }

    @ExceptionHandler(OptimisticLockingException.class)
    ProblemDetail concurrentChange(OptimisticLockingException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "the lead was changed by someone else at the same moment; reload it and try again");
    }

    @ExceptionHandler(RequestRejectedException.class)
    ProblemDetail rejected(RequestRejectedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "the request holds characters that are not allowed (control characters in a parameter or header)");
    }

    /**
     * Whatever nobody expected: logged in full under an error id, answered without any of its text.
     * The database out of reach is no surprise: a 503 that says to try again (see DatabaseUnavailableFilter).
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) throws Exception {
        if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            throw e;
        }
        if (DatabaseFailures.isUnreachable(e)) {
            log.warn("{} {}: database unavailable: {}", request.getMethod(), request.getRequestURI(),
                    Failures.describe(e));
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, DatabaseUnavailableFilter.RETRY_AFTER)
                    .body(DatabaseUnavailableFilter.problem());
        }
        String errorId = UUID.randomUUID().toString();
        log.error("{} {} failed, error id {}: {}", request.getMethod(), request.getRequestURI(), errorId,
                Failures.describe(e));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "something went wrong on our side; quote the errorId when you report it");
        problem.setTitle("Internal error");
        problem.setProperty("errorId", errorId);
        return ResponseEntity.internalServerError().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InvalidInputException.FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new InvalidInputException.FieldError(f.getField(), f.getDefaultMessage()))
                .sorted(Comparator.comparing(InvalidInputException.FieldError::field))
                .collect(Collectors.toList());
        e.getBindingResult().getGlobalErrors().forEach(g ->
                errors.add(new InvalidInputException.FieldError(g.getObjectName(), g.getDefaultMessage())));
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getCause();
        RequestBodyLimitFilter.BodyTooLargeException tooLarge =
                causeOf(e, RequestBodyLimitFilter.BodyTooLargeException.class);
        if (tooLarge != null) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                    .body(RequestBodyLimitFilter.tooLarge(tooLarge.maxBytes()));
        }
        if (causeOf(e, Utf8BodyCheck.NotUtf8Exception.class) != null) {
            return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "the request body is not valid UTF-8 (it holds bytes such as an overlong or Latin-1 encoding); "
                            + "send JSON encoded as UTF-8"));
        }
        if (cause instanceof TextDeserializer.BadTextException bad && !bad.getPath().isEmpty()) {
            return ResponseEntity.badRequest().body(invalid(List.of(
                    new InvalidInputException.FieldError(path(bad), bad.getOriginalMessage()))));
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = path(mismatch);
            String expected = mismatch.getTargetType() == null ? "another type"
                    : mismatch.getTargetType().isEnum() ? "one of " + List.of(mismatch.getTargetType().getEnumConstants())
                    : "a " + mismatch.getTargetType().getSimpleName();
            String message = cause instanceof InvalidFormatException bad
                    ? quote(bad.getValue()) + " is not " + expected
                    : "must be " + expected;
            return ResponseEntity.badRequest().body(invalid(List.of(new InvalidInputException.FieldError(field, message))));
        }
        String where = cause instanceof JsonProcessingException json && json.getLocation() != null
                ? " (line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr() + ")"
                : "";
        return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "the request body is not valid JSON for this request" + where));
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** A value the caller sent, quoted in an answer: its start only, without control characters. */
    private static String quote(Object value) {
        String text = String.valueOf(value).replaceAll("\\p{Cntrl}", "?");
        return "'" + (text.length() > QUOTED ? text.substring(0, QUOTED) + "..." : text) + "'";
    }

    static ProblemDetail invalid(List<InvalidInputException.FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.stream().map(InvalidInputException.FieldError::toString).collect(Collectors.joining("; ")));
        problem.setTitle("Invalid input");
        problem.setProperty("errors", errors);
        return problem;
    }
}
