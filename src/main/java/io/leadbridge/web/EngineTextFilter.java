package io.leadbridge.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The text rule ({@link ControlCharacters}) for the engine's REST API ({@link EngineApi}): a request
 * body whose JSON strings or field names hold a control character other than tab and line breaks
 * (U+0000 above all, which PostgreSQL cannot store and answers with an error quoting the SQL), half
 * of a surrogate pair, or bytes that are not UTF-8 is answered 400 in Camunda's error shape, naming
 * the JSON path, before the engine sees it; so is a path or query parameter holding a control
 * character ({@link QueryTextFilter}'s rule, single-line). The body is read into memory up to
 * {@code leadbridge.api.max-engine-body-size} (larger: 413) and offered to the engine again.
 * Multipart bodies (deployments) are left to the deployment check; a body that is not JSON at all
 * is left to the engine, which refuses it itself. Runs after Spring Security, so an anonymous
 * caller is refused its login first.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER + 1)
class EngineTextFilter extends OncePerRequestFilter {

    static final String INVALID = "InvalidRequestException";

    private static final JsonFactory STREAMING = new JsonFactory();

    private final long maxBytes;
    private final ObjectMapper json;

    EngineTextFilter(ApiLimitsProperties limits, ObjectMapper json) {
        this.maxBytes = limits.maxEngineBodySize().toBytes();
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !EngineApi.covers(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        InvalidInputException.FieldError query = QueryTextFilter.problem(request);
        if (query != null) {
            EngineApi.write(response, json, HttpStatus.BAD_REQUEST.value(), INVALID,
                    query.field() + ": " + query.message(), Map.of());
            return;
        }
        String contentType = request.getContentType();
        if (contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > maxBytes) {
            refuseTooLarge(response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (body.length > maxBytes) {
            refuseTooLarge(response);
            return;
        }
        String problem = problem(body);
        if (problem != null) {
            EngineApi.write(response, json, HttpStatus.BAD_REQUEST.value(), INVALID, problem, Map.of());
            return;
        }
        chain.doFilter(new ReadAgainRequest(request, body), response);
    }

    private void refuseTooLarge(HttpServletResponse response) throws IOException {
        EngineApi.write(response, json, HttpStatus.PAYLOAD_TOO_LARGE.value(), INVALID,
                "the request body is larger than " + maxBytes / (1024 * 1024) + " MB, the limit of the engine's API",
                Map.of());
    }

    /** What is wrong with the body's text, or null when nothing is (or it is no JSON the engine could read). */
    static String problem(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            return "the request body is not valid UTF-8";
        }
        try (JsonParser parser = STREAMING.createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                String text = token == JsonToken.FIELD_NAME || token == JsonToken.VALUE_STRING ? parser.getText() : null;
                String problem = ControlCharacters.problem(text, true);
                if (problem != null) {
                    return (token == JsonToken.FIELD_NAME ? "a field name in " + path(parser.getParsingContext().getParent())
                            : path(parser.getParsingContext())) + ": " + problem;
                }
            }
        } catch (JsonProcessingException e) {
            // Not JSON: the engine's own reading refuses it (400), with nothing of it stored.
            return null;
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    /** The JSON path of the current value ({@code variables.note.value}, {@code items[2]}); {@code body} at the top. */
    private static String path(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                path.insert(0, "[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.getCurrentName() != null) {
                path.insert(0, (c.getParent() != null && !c.getParent().inRoot() ? "." : "") + c.getCurrentName());
            }
        }
        return path.length() == 0 ? "body" : path.toString();
    }
}
