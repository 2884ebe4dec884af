package io.leadbridge.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Decision tables a test deploys as an analyst would (a changed copy of a shipped table), removed
 * with their deployments after the test so the shipped tables are in force again:
 * {@code @RegisterExtension final EditedTables tables = new EditedTables();}
 */
public final class EditedTables implements BeforeEachCallback, AfterEachCallback {

    private final List<String> deployments = new ArrayList<>();
    private RepositoryService repository;

    /** A table file as shipped ({@code decisions/}, on the classpath). */
    public static String shipped(String resource) {
        try {
            return new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deploys {@code content} as the table file {@code resource}, under the deployment name {@code name}. */
    public void deploy(String name, String resource, String content) {
        deployments.add(repository.createDeployment().name(name).addString(resource, content).deploy().getId());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        repository = SpringExtension.getApplicationContext(context).getBean(RepositoryService.class);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        deployments.forEach(id -> repository.deleteDeployment(id, true));
        deployments.clear();
    }
}
