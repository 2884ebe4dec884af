package io.leadbridge.routing;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionLogicEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * Records which decision table versions and which rows decided, while a routing step asks the
 * tables: the explanation of every offer names them. A process engine plugin registers the
 * listener; recording is per thread and only while {@link #record} runs.
 */
@Component
public class DecisionTrace extends AbstractProcessEnginePlugin implements DmnDecisionEvaluationListener {

    private static final ThreadLocal<List<TracedDecision>> CURRENT = new ThreadLocal<>();

    /** One evaluated table: its key, deployed definition and version, and the ids of the rows that matched. */
    public record TracedDecision(String key, String definitionId, Integer version, List<String> ruleIds) {
    }

    /** A value together with the decisions that produced it. */
    public record Traced<T>(T value, List<TracedDecision> decisions) {
    }

    public <T> Traced<T> record(java.util.function.Supplier<T> evaluation) {
        List<TracedDecision> outer = CURRENT.get();
        List<TracedDecision> recorded = new ArrayList<>();
        CURRENT.set(recorded);
        try {
            T value = evaluation.get();
            if (outer != null) {
                outer.addAll(recorded);
            }
            return new Traced<>(value, List.copyOf(recorded));
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** Adds decisions evaluated earlier (and remembered) to the recording under way, if any. */
    public void replay(List<TracedDecision> decisions) {
        List<TracedDecision> recording = CURRENT.get();
        if (recording != null) {
            recording.addAll(decisions);
        }
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
        if (dmn == null) {
            dmn = new DefaultDmnEngineConfiguration();
            configuration.setDmnEngineConfiguration(dmn);
        }
        List<DmnDecisionEvaluationListener> listeners = new ArrayList<>(dmn.getCustomPostDecisionEvaluationListeners());
        listeners.add(this);
        dmn.setCustomPostDecisionEvaluationListeners(listeners);
    }

    @Override
    public void notify(DmnDecisionEvaluationEvent event) {
        List<TracedDecision> recording = CURRENT.get();
        if (recording == null) {
            return;
        }
        for (DmnDecisionLogicEvaluationEvent required : event.getRequiredDecisionResults()) {
            recording.add(trace(required));
        }
        recording.add(trace(event.getDecisionResult()));
    }

    private static TracedDecision trace(DmnDecisionLogicEvaluationEvent event) {
        DecisionDefinition definition = event.getDecision() instanceof DecisionDefinition d ? d : null;
        List<String> rules = new ArrayList<>();
        if (event instanceof DmnDecisionTableEvaluationEvent table) {
            table.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).forEach(rules::add);
        }
        return new TracedDecision(event.getDecision().getKey(), definition == null ? null : definition.getId(),
                definition == null ? null : definition.getVersion(), rules);
    }
}
