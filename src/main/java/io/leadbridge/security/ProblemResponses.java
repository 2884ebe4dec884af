package io.leadbridge.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** A refusal written by a servlet filter, before Spring MVC or Jersey see the request: an RFC 9457 problem detail. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static void write(HttpServletResponse response, ObjectMapper json, HttpStatus status, String detail)
            throws IOException {
        write(response, json, status, detail, Map.of());
    }

    static void write(HttpServletResponse response, ObjectMapper json, HttpStatus status, String detail,
            Map<String, Object> properties) throws IOException {
        write(response, json, status, status.getReasonPhrase(), detail, properties);
    }

    static void write(HttpServletResponse response, ObjectMapper json, HttpStatus status, String title, String detail,
            Map<String, Object> properties) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        properties.forEach(problem::setProperty);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
