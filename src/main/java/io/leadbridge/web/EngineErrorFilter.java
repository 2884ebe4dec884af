package io.leadbridge.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadbridge.database.DatabaseFailures;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No SQL, class names or stack traces in the engine's 5xx answers ({@link EngineApi}). Camunda's
 * exception mappers answer {@code {"type": ..., "message": <the exception's message>}}, and on
 * PostgreSQL a failed insert's message quotes the statement and the tables. The answer is held back
 * only once its status is 5xx (successful answers, such as a deployment's resource data, stream
 * through untouched); then it gets an {@code errorId}, the original is logged at ERROR with the
 * same id, and a {@code message} that shows the engine's internals ({@link #INTERNALS}) is replaced
 * by a sentence naming the errorId. An exception that Camunda's mappers let through is answered
 * the same way instead of by the container's error page. Camunda's {@code type} stays (its
 * clients rely on the shape), and so does a message written for users, such as a task listener's
 * refusal, which Tasklist shows.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER + 2)
class EngineErrorFilter extends OncePerRequestFilter {

    /**
     * What marks a message as the engine's internals rather than words for a user: MyBatis's
     * {@code ### } sections, SQL, JDBC or iBatis named, a Camunda table ({@code ACT_RU_TASK}), a
     * qualified Java name ({@code org.}, {@code java.}, ...), an exception's {@code Xxx:} prefix, a stack frame
     * or its cause. Case-insensitive.
     */
    static final Pattern INTERNALS = Pattern.compile("### |sql|jdbc|ibatis|\\bact_[a-z]{2}_"
            + "|\\b(?:java|javax|jakarta|org|com|sun|io)\\.[a-z]|exception:|caused by|\\bat [\\w$.]+\\(",
            Pattern.CASE_INSENSITIVE);
    /** A message longer than this is not written for a user (a database error can quote a whole value). */
    static final int MAX_MESSAGE = 1000;
    /** At most this much of a 5xx body is held; the rest is dropped and the message counts as internal. */
    static final int MAX_HELD = 64 * 1024;

    private static final Logger log = LoggerFactory.getLogger(EngineErrorFilter.class);

    private final ObjectMapper json;

    EngineErrorFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !EngineApi.covers(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ErrorHolding held = new ErrorHolding(response);
        try {
            chain.doFilter(request, held);
        } catch (ServletException | IOException | RuntimeException e) {
            if (response.isCommitted() || DatabaseFailures.isUnreachable(e)) {
                throw e;
            }
            String errorId = UUID.randomUUID().toString();
            log.error("{} {} failed in the engine, error id {}: {}", request.getMethod(), request.getRequestURI(),
                    errorId, Failures.describe(e));
            response.resetBuffer();
            replace(response, 500, camundaType(e), errorId, Map.of());
            return;
        }
        if (held.holding) {
            answer(request, response, held);
        }
    }

    /** Camunda's {@code type} for an exception its mappers did not answer: the engine exception's simple name. */
    private static String camundaType(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProcessEngineException) {
                return t.getClass().getSimpleName();
            }
        }
        return "ServerError";
    }

    private void replace(HttpServletResponse response, int status, String type, String errorId,
            Map<String, Object> more) throws IOException {
        Map<String, Object> extra = new LinkedHashMap<>(more);
        extra.put("errorId", errorId);
        EngineApi.write(response, json, status, type,
                "The engine could not do this; errorId " + errorId + " is in the service log.", extra);
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, ErrorHolding held)
            throws IOException {
        held.flushWriter();
        byte[] body = held.body.toByteArray();
        JsonNode answer = parse(body);
        String message = answer != null && answer.path("message").isTextual() ? answer.path("message").asText() : null;
        if (body.length == 0) {
            response.setContentLength(0);
            return;
        }
        String errorId = UUID.randomUUID().toString();
        String original = new String(body, StandardCharsets.UTF_8);
        log.error("{} {} answered {}, error id {}: {}", request.getMethod(), request.getRequestURI(), held.status,
                errorId, Failures.describe(new EngineAnswer(original)));
        response.resetBuffer();
        if (!held.truncated && message != null && !isInternal(message)) {
            ((ObjectNode) answer).put("errorId", errorId);
            byte[] kept = json.writeValueAsBytes(answer);
            response.setContentLength(kept.length);
            response.getOutputStream().write(kept);
            return;
        }
        Map<String, Object> code = answer != null && answer.path("code").isInt()
                ? Map.of("code", answer.path("code").asInt()) : Map.of();
        String type = answer != null && answer.path("type").isTextual() ? answer.path("type").asText() : "ServerError";
        replace(response, held.status, type, errorId, code);
    }

    static boolean isInternal(String message) {
        return message.length() > MAX_MESSAGE || INTERNALS.matcher(message).find();
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The engine's original answer, for {@link Failures#describe}'s bounded log entry. */
    private static final class EngineAnswer extends Exception {
        EngineAnswer(String body) {
            super(body, null, false, false);
        }
    }

    /**
     * Passes the answer through until its status is set to 5xx; from then on holds the body (up to
     * {@link #MAX_HELD}) for {@link #answer}. A {@code sendError} goes to the servlet container's error
     * page, which shows no message ({@code server.error.include-message: never}).
     */
    private static final class ErrorHolding extends HttpServletResponseWrapper {

        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private boolean holding;
        private boolean truncated;
        private int status = SC_OK;
        private ServletOutputStream stream;
        private PrintWriter writer;

        ErrorHolding(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setStatus(int sc) {
            status = sc;
            holding = sc >= 500;
            super.setStatus(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            holding = false;
            super.sendError(sc);
        }

        @Override
        public void sendError(int sc) throws IOException {
            holding = false;
            super.sendError(sc);
        }

        @Override
        public void setContentLength(int len) {
            if (!holding) {
                super.setContentLength(len);
            }
        }

        @Override
        public void setContentLengthLong(long len) {
            if (!holding) {
                super.setContentLengthLong(len);
            }
        }

        @Override
        public void flushBuffer() throws IOException {
            if (!holding) {
                super.flushBuffer();
            }
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                ServletOutputStream passing = super.getOutputStream();
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        if (!holding) {
                            passing.write(b);
                        } else if (body.size() < MAX_HELD) {
                            body.write(b);
                        } else {
                            truncated = true;
                        }
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        if (!holding) {
                            passing.write(b, off, len);
                            return;
                        }
                        int room = Math.min(len, MAX_HELD - body.size());
                        body.write(b, off, Math.max(room, 0));
                        truncated |= room < len;
                    }

                    @Override
                    public void flush() throws IOException {
                        if (!holding) {
                            passing.flush();
                        }
                    }

                    @Override
                    public boolean isReady() {
                        return passing.isReady();
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        passing.setWriteListener(listener);
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                String encoding = getCharacterEncoding();
                writer = new PrintWriter(new OutputStreamWriter(getOutputStream(),
                        encoding == null ? StandardCharsets.UTF_8.name() : encoding));
            }
            return writer;
        }

        void flushWriter() {
            if (writer != null) {
                writer.flush();
            }
        }
    }
}
