package io.leadbridge.database;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionEvaluationEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The engine's history as history level {@code full} keeps it, without two kinds of rows that
 * nothing reads and that were a third of a lead's statements (docs/benchmarks.md "Throughput"):
 * <ul>
 * <li>a row per change of a process variable ({@code ACT_HI_DETAIL}): each variable's last value
 * stays in {@code ACT_HI_VARINST}; a lead sets about fifty variables on its way to a partner, and
 * its own timeline records every answer and change that matters.
 * {@code leadbridge.history.variable-changes=true} keeps them again;</li>
 * <li>the evaluations of the decision tables named in {@code leadbridge.history.decisions-not-kept}
 * (default: {@code rewardPoints}, asked for every lead event that names a partner; what an event
 * earned, by which row and table version, is in the reward ledger; and {@code followOn}, asked each
 * time an account is shown, an answer about nothing that happened). Every other table's
 * evaluations stay in history for Cockpit.</li>
 * </ul>
 */
@Component
class LeanEngineHistory extends AbstractProcessEnginePlugin {

    private final boolean keepVariableChanges;
    private final Set<String> decisionsNotKept;

    LeanEngineHistory(@Value("${leadbridge.history.variable-changes:false}") boolean keepVariableChanges,
            @Value("${leadbridge.history.decisions-not-kept:rewardPoints,followOn}") Set<String> decisionsNotKept) {
        this.keepVariableChanges = keepVariableChanges;
        this.decisionsNotKept = Set.copyOf(decisionsNotKept);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if ((keepVariableChanges && decisionsNotKept.isEmpty()) || !configuration.isEnableDefaultDbHistoryEventHandler()) {
            return;
        }
        List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        handlers.add(0, new DbHistoryEventHandler() {
            @Override
            protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity change) {
                return keepVariableChanges && super.shouldWriteHistoricDetail(change);
            }

            @Override
            protected void insertHistoricDecisionEvaluationEvent(HistoricDecisionEvaluationEvent evaluation) {
                if (!decisionsNotKept.contains(evaluation.getRootHistoricDecisionInstance().getDecisionDefinitionKey())) {
                    super.insertHistoricDecisionEvaluationEvent(evaluation);
                }
            }
        });
        configuration.setCustomHistoryEventHandlers(handlers);
        configuration.setEnableDefaultDbHistoryEventHandler(false);
    }
}
