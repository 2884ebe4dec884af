package io.leadbridge.routing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;

/** The annotation ("why") an analyst wrote on a decision table row, read from the deployed table. */
@Component
public class RuleAnnotations {

    private final RepositoryService repository;
    private final Map<String, Map<String, String>> byDefinition = new ConcurrentHashMap<>();

    RuleAnnotations(RepositoryService repository) {
        this.repository = repository;
    }

    public String of(String decisionDefinitionId, String ruleId) {
        if (decisionDefinitionId == null) {
            return null;
        }
        return byDefinition.computeIfAbsent(decisionDefinitionId, this::load).get(ruleId);
    }

    private Map<String, String> load(String decisionDefinitionId) {
        DmnModelInstance model = repository.getDmnModelInstance(decisionDefinitionId);
        Map<String, String> annotations = new ConcurrentHashMap<>();
        for (Rule rule : model.getModelElementsByType(Rule.class)) {
            if (rule.getDescription() != null && rule.getDescription().getTextContent() != null) {
                annotations.put(rule.getId(), rule.getDescription().getTextContent().trim());
            }
        }
        return annotations;
    }
}
