package io.leadbridge.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The engine's own 5xx answers as Camunda's exception mappers write them: a message with SQL is
 * replaced by one with an errorId, a message for users stays, and a successful answer streams
 * through without being held.
 */
class EngineErrorFilterTest {

    private static final String SQL_MESSAGE = "\\n### Error updating database.  Cause: org.postgresql.util.PSQLException: "
            + "ERROR: invalid byte sequence for encoding \\\"UTF8\\\": 0x00\\n### The error may exist in "
            + "org/camunda/bpm/engine/impl/mapping/entity/Comment.xml\\n### SQL: insert into ACT_HI_COMMENT "
            + "(ID_, TYPE_, TIME_) values (?, ?, ?)";

    private final ObjectMapper json = new ObjectMapper();
    private final EngineErrorFilter filter = new EngineErrorFilter(json);

    @Test
    void anEngineErrorWithSqlIsAnsweredWithAnErrorIdAndNoInternals() throws Exception {
        for (String path : new String[] {"/engine-rest/task/1/comment/create",
                "/camunda/api/engine/engine/default/task/1/comment/create"}) {
            MockHttpServletResponse response = run(path, 500,
                    "{\"type\":\"ProcessEngineException\",\"message\":\"" + SQL_MESSAGE + "\",\"code\":0}");

            assertThat(response.getStatus()).isEqualTo(500);
            JsonNode body = json.readTree(response.getContentAsString());
            assertThat(body.path("type").asText()).isEqualTo("ProcessEngineException");
            assertThat(body.path("errorId").asText()).isNotBlank();
            assertThat(body.path("message").asText()).isEqualTo("The engine could not do this; errorId "
                    + body.path("errorId").asText() + " is in the service log.");
            assertThat(response.getContentAsString()).doesNotContainIgnoringCase("sql").doesNotContain("insert")
                    .doesNotContain("org.").doesNotContain("java.").doesNotContain("ACT_HI");
            assertThat(response.getContentLength()).isEqualTo(response.getContentAsByteArray().length);
        }
    }

    @Test
    void aMessageWrittenForUsersIsKeptWithAnErrorId() throws Exception {
        String refusal = "{\"type\":\"ProcessEngineException\",\"message\":\"declineReason: a decline needs a reason\"}";

        MockHttpServletResponse response = run("/engine-rest/task/1/complete", 500, refusal);

        assertThat(response.getStatus()).isEqualTo(500);
        JsonNode body = json.readTree(response.getContentAsString());
        assertThat(body.path("message").asText()).isEqualTo("declineReason: a decline needs a reason");
        assertThat(body.path("type").asText()).isEqualTo("ProcessEngineException");
        assertThat(body.path("errorId").asText()).isNotBlank();
    }

    @Test
    void anExceptionTheMappersLetThroughIsAnsweredWithAnErrorId() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        FilterChain failing = (request, res) -> {
            throw new org.camunda.bpm.engine.ProcessEnginePersistenceException("### SQL: update ACT_ID_USER",
                    new RuntimeException("java.sql.SQLException"));
        };

        filter.doFilter(request("/engine-rest/user/rae/profile"), response, failing);

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(json.readTree(response.getContentAsString()).path("type").asText())
                .isEqualTo("ProcessEnginePersistenceException");
        assertThat(response.getContentAsString()).contains("errorId").doesNotContainIgnoringCase("sql");
    }

    @Test
    void aSuccessfulAnswerIsNotHeld() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        byte[][] seenWhileStreaming = new byte[1][];
        FilterChain streaming = (request, res) -> {
            res.getOutputStream().write("first part ### SQL".getBytes(StandardCharsets.UTF_8));
            seenWhileStreaming[0] = response.getContentAsByteArray();
            res.getOutputStream().write(" second part".getBytes(StandardCharsets.UTF_8));
        };

        filter.doFilter(request("/engine-rest/deployment/1/resources/2/data"), response, streaming);

        assertThat(new String(seenWhileStreaming[0], StandardCharsets.UTF_8)).isEqualTo("first part ### SQL");
        assertThat(response.getContentAsString()).isEqualTo("first part ### SQL second part");
    }

    @Test
    void pathsOutsideTheEnginesApiAreLeftAlone() throws Exception {
        MockHttpServletResponse response = run("/api/leads", 500, "{\"message\":\"### SQL\"}");

        assertThat(response.getContentAsString()).isEqualTo("{\"message\":\"### SQL\"}");
    }

    @Test
    void theRuleTellsInternalsFromWordsForUsers() {
        assertThat(EngineErrorFilter.isInternal("ENGINE-03004 Exception while executing Database Operation: ### SQL"))
                .isTrue();
        assertThat(EngineErrorFilter.isInternal("Cannot find class org.example.Foo")).isTrue();
        assertThat(EngineErrorFilter.isInternal("value too long for ACT_RU_TASK")).isTrue();
        assertThat(EngineErrorFilter.isInternal("x".repeat(EngineErrorFilter.MAX_MESSAGE + 1))).isTrue();
        assertThat(EngineErrorFilter.isInternal("offerDecision: must be ACCEPT or DECLINE")).isFalse();
        assertThat(EngineErrorFilter.isInternal("Cannot complete task 42: the contact field is empty")).isFalse();
    }

    private MockHttpServletResponse run(String path, int status, String body) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        FilterChain engine = (request, res) -> {
            var http = (jakarta.servlet.http.HttpServletResponse) res;
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            http.setContentLength(bytes.length + 7);
            http.setStatus(status);
            http.setContentType("application/json");
            http.getOutputStream().write(bytes);
            http.flushBuffer();
        };
        filter.doFilter(request(path), response, engine);
        return response;
    }

    private static MockHttpServletRequest request(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setRequestURI(path);
        return request;
    }
}
