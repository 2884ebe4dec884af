package io.leadbridge.database;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The engine's history as history level {@code full} keeps it, except one row per change of a
 * process variable ({@code ACT_HI_DETAIL}): each variable's last value stays in
 * {@code ACT_HI_VARINST}, every step, task and decision evaluation stays. A lead sets about fifty
 * variables on its way to a partner, so the change rows were 14% of all the statements of a lead's
 * intake and routing (docs/benchmarks.md "Throughput"); nothing in Leadbridge, Cockpit or Tasklist
 * reads them, and a lead's own timeline records every answer and change that matters.
 * {@code leadbridge.history.variable-changes=true} keeps them again.
 */
@Component
class VariableHistoryWithoutChanges extends AbstractProcessEnginePlugin {

    private final boolean keepChanges;

    VariableHistoryWithoutChanges(@Value("${leadbridge.history.variable-changes:false}") boolean keepChanges) {
        this.keepChanges = keepChanges;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (keepChanges || !configuration.isEnableDefaultDbHistoryEventHandler()) {
            return;
        }
        List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        handlers.add(0, new DbHistoryEventHandler() {
            @Override
            protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity change) {
                return false;
            }
        });
        configuration.setCustomHistoryEventHandlers(handlers);
        configuration.setEnableDefaultDbHistoryEventHandler(false);
    }
}
