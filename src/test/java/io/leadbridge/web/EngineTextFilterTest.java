package io.leadbridge.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

/**
 * Which bodies the engine's API text check reads and how it answers: the webapps' engine API like
 * {@code /engine-rest}, bodies without a length bounded too, bytes that are not UTF-8 refused,
 * multipart and non-JSON bodies left to the engine, and a clean body offered to the engine whole.
 */
class EngineTextFilterTest {

    private final ObjectMapper json = new ObjectMapper();
    private final EngineTextFilter filter = new EngineTextFilter(
            new ApiLimitsProperties(DataSize.ofMegabytes(1), DataSize.ofBytes(100)), json);

    @Test
    void tasklistsEngineApiIsCheckedLikeEngineRest() throws Exception {
        MockHttpServletResponse response = run("/camunda/api/engine/engine/default/task/1/comment/create",
                "application/json", "{\"message\":\"a\\u0000b\"}".getBytes(StandardCharsets.UTF_8), null);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(json.readTree(response.getContentAsString()).path("message").asText())
                .isEqualTo("message: must not contain control characters other than tab and line breaks "
                        + "(found U+0000 at position 2)");
    }

    @Test
    void aBodyWithoutALengthIsBoundedToo() throws Exception {
        MockHttpServletRequest request = request("/engine-rest/task/1/comment/create", "application/json",
                ("{\"message\":\"" + "x".repeat(200) + "\"}").getBytes(StandardCharsets.UTF_8));
        request.removeHeader("Content-Length");
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(new jakarta.servlet.http.HttpServletRequestWrapper(request) {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        }, response, (req, res) -> {
            throw new AssertionError("the engine must not see it");
        });

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(json.readTree(response.getContentAsString()).path("type").asText())
                .isEqualTo("InvalidRequestException");
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() throws Exception {
        byte[] overlong = {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};

        MockHttpServletResponse response = run("/engine-rest/task/1/comment/create", "application/json", overlong,
                null);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("not valid UTF-8");
    }

    @Test
    void multipartNonJsonAndOtherPathsGoOnUnread() throws Exception {
        byte[] nul = "{\"message\":\"a\\u0000b\"}".getBytes(StandardCharsets.UTF_8);
        AtomicReference<byte[]> seen = new AtomicReference<>();

        assertThat(run("/engine-rest/deployment/create", "multipart/form-data; boundary=x", nul, seen).getStatus())
                .isEqualTo(200);
        assertThat(run("/api/leads", "application/json", nul, seen).getStatus()).isEqualTo(200);
        assertThat(run("/engine-rest/task/1/comment/create", "application/json",
                "not json \u0001".getBytes(StandardCharsets.UTF_8), seen).getStatus()).isEqualTo(200);

        byte[] clean = "{\"message\":\"called\\tthem\\nno answer\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(run("/engine-rest/task/1/comment/create", "application/json", clean, seen).getStatus())
                .isEqualTo(200);
        assertThat(seen.get()).isEqualTo(clean);
    }

    private MockHttpServletResponse run(String path, String contentType, byte[] body, AtomicReference<byte[]> seen)
            throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        FilterChain engine = (req, res) -> {
            byte[] read = req.getInputStream().readAllBytes();
            if (seen != null) {
                seen.set(read);
            }
        };
        filter.doFilter(request(path, contentType, body), response, engine);
        return response;
    }

    private static MockHttpServletRequest request(String path, String contentType, byte[] body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setRequestURI(path);
        request.setContentType(contentType);
        request.setContent(body);
        return request;
    }
}
