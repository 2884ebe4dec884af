package io.leadbridge.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionLogicEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * Loads one DMN file from the classpath into the standalone DMN engine, evaluates its decisions
 * and remembers which rules matched, so a test class can prove in {@code @AfterAll} that every
 * row of every table in the file is covered by at least one case.
 */
final class DecisionTableHarness {

    private final String resource;
    private final DmnModelInstance model;
    private final DmnEngine engine;
    private final Map<String, DmnDecision> decisionsByKey = new TreeMap<>();
    private final Set<String> matchedRuleIds = ConcurrentHashMap.newKeySet();

    private DecisionTableHarness(String resource) {
        this.resource = resource;
        this.model = readModel(resource);
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.customPostDecisionEvaluationListeners(List.of(this::recordMatchedRules));
        this.engine = configuration.buildEngine();
        engine.parseDecisions(model).forEach(decision -> decisionsByKey.put(decision.getKey(), decision));
    }

    /** @param resource the DMN file name at the classpath root, e.g. {@code sla-policy.dmn} */
    static DecisionTableHarness load(String resource) {
        return new DecisionTableHarness(resource);
    }

    DmnDecisionResult evaluate(String decisionKey, VariableMap variables) {
        DmnDecision decision = decisionsByKey.get(decisionKey);
        assertThat(decision).as("decision %s in %s", decisionKey, resource).isNotNull();
        return engine.evaluateDecision(decision, variables);
    }

    /** Evaluates a single-result decision and returns its one result row. */
    DmnDecisionResultEntries evaluateSingle(String decisionKey, VariableMap variables) {
        DmnDecisionResult result = evaluate(decisionKey, variables);
        assertThat(result.getResultList()).as("result rows of %s for %s", decisionKey, variables).hasSize(1);
        return result.getSingleResult();
    }

    /** Fails when a rule of any table in the file was not matched by any evaluation so far. */
    void assertEveryRuleWasMatched() {
        List<String> unmatched = allRuleIds().filter(id -> !matchedRuleIds.contains(id)).toList();
        assertThat(unmatched)
                .as("rules in %s that no test case matched; add a case for each new row", resource)
                .isEmpty();
    }

    /**
     * Fails when a decision lacks a name, a description or a history time to live, or a rule
     * lacks an annotation or a meaningful id.
     */
    void assertReadableByBusinessUsers() {
        for (Decision decision : model.getModelElementsByType(Decision.class)) {
            assertThat(decision.getName()).as("name of decision %s", decision.getId()).isNotBlank();
            assertThat(decision.getDescription()).as("description of decision %s", decision.getId()).isNotNull();
            assertThat(decision.getDescription().getTextContent())
                    .as("description of decision %s", decision.getId()).isNotBlank();
            assertThat(decision.getCamundaHistoryTimeToLiveString())
                    .as("historyTimeToLive of decision %s", decision.getId()).isEqualTo("180");
            for (Rule rule : rulesOf(decision)) {
                assertThat(rule.getId()).as("rule id in %s", decision.getId()).matches("Rule_[A-Z][A-Za-z]+");
                assertThat(rule.getDescription()).as("annotation of %s", rule.getId()).isNotNull();
                assertThat(rule.getDescription().getTextContent())
                        .as("annotation of %s", rule.getId()).isNotBlank();
            }
        }
    }

    private void recordMatchedRules(DmnDecisionEvaluationEvent event) {
        Stream.concat(Stream.of(event.getDecisionResult()), event.getRequiredDecisionResults().stream())
                .forEach(this::recordMatchedRules);
    }

    private void recordMatchedRules(DmnDecisionLogicEvaluationEvent event) {
        if (event instanceof DmnDecisionTableEvaluationEvent tableEvent) {
            for (DmnEvaluatedDecisionRule rule : tableEvent.getMatchingRules()) {
                matchedRuleIds.add(rule.getId());
            }
        }
    }

    private Stream<String> allRuleIds() {
        return model.getModelElementsByType(Decision.class).stream()
                .flatMap(decision -> rulesOf(decision).stream())
                .map(Rule::getId);
    }

    private static List<Rule> rulesOf(Decision decision) {
        if (decision.getExpression() instanceof DecisionTable table) {
            return new ArrayList<>(table.getRules());
        }
        return List.of();
    }

    private static DmnModelInstance readModel(String resource) {
        try (InputStream in = DecisionTableHarness.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("classpath resource %s", resource).isNotNull();
            return Dmn.readModelFromStream(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
