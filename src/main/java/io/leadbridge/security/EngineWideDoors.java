package io.leadbridge.security;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.web.util.UriUtils;

/**
 * The engine's doors that open onto the whole engine rather than onto one process: jobs (the
 * history cleanup job belongs to no process, so Camunda checks no authorization for it), job
 * definitions, batches, metrics, the schema log, telemetry, history cleanup, and the bulk
 * operations (migration, modification, signals to every process, deleting or suspending instances
 * and history by query). Only Camunda administrators (group {@code camunda-admin}) pass them, on
 * Camunda's REST API ({@code /engine-rest}, also as {@code /engine-rest/engine/<name>/...}) and on
 * the webapps' engine API that Cockpit uses ({@code /camunda/api/engine/engine/<name>/...}).
 *
 * <p>Everything else there (tasks, process instances, deployments, users, groups, authorizations,
 * filters, incidents, messages) is checked by Camunda's authorizations per resource.
 */
final class EngineWideDoors {

    /** Paths below the engine's root, each with everything under it. */
    static final List<String> ADMIN_ONLY = List.of(
            "job",
            "job-definition",
            "batch",
            "metrics",
            "schema",
            "telemetry",
            "migration",
            "modification",
            "signal",
            "history/cleanup",
            "history/job-log",
            "history/batch",
            "history/process-instance/delete",
            "history/process-instance/set-removal-time",
            "history/decision-instance/delete",
            "history/decision-instance/set-removal-time",
            "history/decision-requirements-definition/set-removal-time",
            "process-instance/delete",
            "process-instance/delete-historic-query-based",
            "process-instance/suspended",
            "process-instance/suspended-async",
            "process-instance/job-retries",
            "process-instance/job-retries-historic-query-based",
            "process-instance/variables-async",
            "process-instance/message-async",
            // Only the application's webhook worker locks, fails and finishes external tasks.
            "external-task");

    static final String ENGINE_REST = "/engine-rest/";
    static final String WEBAPP_ENGINE_API = "/camunda/api/engine/engine/";

    private EngineWideDoors() {
    }

    /**
     * The admin-only door a request path (within the application, as sent) leads to, if any.
     * The path is decoded first, as Jersey decodes it before matching its resources.
     */
    static Optional<String> doorOf(String path) {
        return belowEngineRoot(path).flatMap(below -> ADMIN_ONLY.stream()
                .filter(door -> below.equals(door) || below.startsWith(door + "/")).findFirst());
    }

    /**
     * The resource path below the engine's root, decoded: {@code job/42/retries} for {@code /engine-rest/job/42/retries},
     * {@code /engine-rest/engine/default/job/42/retries} and {@code /camunda/api/engine/engine/default/job/42/retries};
     * empty for paths outside the engine's APIs.
     */
    static Optional<String> belowEngineRoot(String path) {
        return Optional.ofNullable(below(UriUtils.decode(path, StandardCharsets.UTF_8)));
    }

    private static String below(String path) {
        String rest;
        if (path.startsWith(ENGINE_REST)) {
            rest = path.substring(ENGINE_REST.length());
            if (rest.startsWith("engine/")) {
                rest = afterEngineName(rest.substring("engine/".length()));
            }
        } else if (path.startsWith(WEBAPP_ENGINE_API)) {
            rest = afterEngineName(path.substring(WEBAPP_ENGINE_API.length()));
        } else {
            return null;
        }
        if (rest == null) {
            return null;
        }
        while (rest.startsWith("/")) {
            rest = rest.substring(1);
        }
        while (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        return rest;
    }

    /** {@code job/42} for {@code default/job/42}; null for the engine list itself. */
    private static String afterEngineName(String path) {
        int slash = path.indexOf('/');
        return slash < 0 ? null : path.substring(slash + 1);
    }
}
