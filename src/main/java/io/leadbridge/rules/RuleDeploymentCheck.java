package io.leadbridge.rules;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs before Camunda's own deployers on every new deployment, however it arrives (Camunda
 * Modeler and {@code /engine-rest/deployment/create}, a redeployment from Cockpit, the
 * application's own files at start-up). A decision file must pass {@link DecisionFiles}. A
 * deployment by a user who is not a Camunda administrator may hold only {@code .dmn} and
 * {@code .bpmn} files, and its process models only plain expressions ({@link ProcessExpressions}).
 * A refusal throws, the deployment's transaction rolls back, and the versions in force stay so.
 */
class RuleDeploymentCheck implements Deployer {

    private static final Logger log = LoggerFactory.getLogger(RuleDeploymentCheck.class);

    private final ProcessExpressions processes;

    RuleDeploymentCheck(ProcessExpressions processes) {
        this.processes = processes;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew()) {
            // A deployment read back into the cache: it passed when it was made.
            return;
        }
        boolean administrator = byAdministrator();
        List<String> problems = new ArrayList<>();
        for (ResourceEntity resource : deployment.getResources().values()) {
            String name = resource.getName();
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml")) {
                problems.addAll(decisionProblems(name, resource.getBytes()));
            } else if (!administrator && (lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml"))) {
                processes.problems(resource.getBytes()).forEach(p -> problems.add(name + ": " + p));
            } else if (!administrator) {
                problems.add(name + ": only an administrator may deploy this kind of file; business analysts deploy "
                        + ".dmn and .bpmn files");
            }
        }
        if (!problems.isEmpty()) {
            log.warn("deployment '{}' by {} refused: {}", deployment.getName(), deployer(), problems);
            throw new RefusedDeploymentException("Deployment refused, nothing was deployed: "
                    + String.join("; ", problems));
        }
    }

    private static List<String> decisionProblems(String name, byte[] content) {
        DmnModelInstance model;
        try {
            model = Dmn.readModelFromStream(new ByteArrayInputStream(content));
        } catch (RuntimeException e) {
            return List.of(name + ": is not a DMN file the engine can read: " + firstLine(e));
        }
        try {
            DecisionFiles.check(name, model);
            return List.of();
        } catch (RuleFileException e) {
            return e.problems().stream().map(p -> name + ": " + p).toList();
        }
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** The application's own deployments (at start-up) have no user; Camunda administrators are trusted too. */
    private static boolean byAdministrator() {
        CommandContext context = Context.getCommandContext();
        Authentication authentication = context == null ? null : context.getAuthentication();
        return authentication == null || context.getAuthorizationManager().isCamundaAdmin(authentication);
    }

    private static String deployer() {
        CommandContext context = Context.getCommandContext();
        Authentication authentication = context == null ? null : context.getAuthentication();
        return authentication == null ? "the application" : authentication.getUserId();
    }
}
