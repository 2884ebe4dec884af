package io.leadbridge.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;

/**
 * The engine's REST API as Camunda serves it (Jersey, not Spring MVC): {@code /engine-rest/**} and
 * the webapps' engine API {@code /camunda/api/engine/engine/{name}/**}. Its clients (Tasklist,
 * Cockpit, Modeler) read errors in Camunda's own shape, {@code {"type": ..., "message": ...}}, so
 * the filters in front of it answer in that shape too.
 */
final class EngineApi {

    static final String ENGINE_REST = "/engine-rest/";
    static final String WEBAPP_ENGINE_API = "/camunda/api/engine/engine/";

    private EngineApi() {
    }

    static boolean covers(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith(ENGINE_REST) || path.startsWith(WEBAPP_ENGINE_API);
    }

    /** An error in Camunda's shape; {@code extra} adds fields such as {@code errorId}. */
    static void write(HttpServletResponse response, ObjectMapper json, int status, String type, String message,
            Map<String, Object> extra) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("message", message);
        body.putAll(extra);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        byte[] bytes = json.writeValueAsBytes(body);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
