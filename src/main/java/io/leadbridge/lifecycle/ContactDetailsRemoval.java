package io.leadbridge.lifecycle;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import io.leadbridge.config.LeadbridgeProperties;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Leads accepted before the prospect's contact person was shown from its record
 * ({@link ProspectContactOnForms}) still hold the contact's name, e-mail, phone and title as process
 * variables, and so in the engine's history for 180 days. Once a node is up, this removes them:
 * from running leads first, then from history (ended leads and the runtime removals just made).
 * Nothing else reads them any more; the forms show the same values from the prospect's record.
 * <p>
 * It runs on its own thread, a page at a time, and finds nothing to do after the first start (a
 * few index look-ups). Several nodes starting together do the same removals; a lost race only means
 * the row is gone already.
 */
@Component
class ContactDetailsRemoval {

    private static final Logger log = LoggerFactory.getLogger(ContactDetailsRemoval.class);
    private static final int PAGE = 500;
    private static final String[] NAMES = ProspectContactOnForms.KEYS.toArray(String[]::new);

    private final RuntimeService runtime;
    private final HistoryService history;
    private final RepositoryService repository;
    private final LeadbridgeProperties properties;

    ContactDetailsRemoval(RuntimeService runtime, HistoryService history, RepositoryService repository,
            LeadbridgeProperties properties) {
        this.runtime = runtime;
        this.history = history;
        this.repository = repository;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void startRemoval() {
        if (!properties.upkeepOnStart()) {
            return;
        }
        Thread removal = new Thread(() -> {
            try {
                removeFromEngine();
            } catch (RuntimeException e) {
                log.warn("removing prospects' contact details from the engine stopped; the next start goes on", e);
            }
        }, "contact-details-removal");
        removal.setDaemon(true);
        removal.start();
    }

    /** Removes every contact detail variable of the lead process; returns how many running and historic rows went. */
    int removeFromEngine() {
        Set<String> leadProcesses = repository.createProcessDefinitionQuery()
                .processDefinitionKey(LeadVariables.PROCESS_KEY).list().stream()
                .map(ProcessDefinition::getId).collect(Collectors.toSet());
        int removed = removeRunning(leadProcesses) + removeHistoric();
        if (removed > 0) {
            log.info("removed {} contact detail variables of leads from the engine's runtime and history", removed);
        }
        return removed;
    }

    private int removeRunning(Set<String> leadProcesses) {
        int removed = 0;
        int first = 0;
        while (true) {
            List<VariableInstance> page = runtime.createVariableInstanceQuery().variableNameIn(NAMES)
                    .orderByActivityInstanceId().asc().listPage(first, PAGE);
            for (VariableInstance variable : page) {
                if (!leadProcesses.contains(variable.getProcessDefinitionId())) {
                    first++; // another process's variable of the same name: not ours to remove
                    continue;
                }
                try {
                    runtime.removeVariableLocal(variable.getExecutionId(), variable.getName());
                    removed++;
                } catch (OptimisticLockingException e) {
                    first++; // the lead moved on meanwhile; the next start removes it
                }
            }
            if (page.size() < PAGE) {
                return removed;
            }
        }
    }

    private int removeHistoric() {
        int removed = 0;
        List<HistoricVariableInstance> page;
        do {
            page = history.createHistoricVariableInstanceQuery().processDefinitionKey(LeadVariables.PROCESS_KEY)
                    .variableNameIn(NAMES).listPage(0, PAGE);
            for (HistoricVariableInstance variable : page) {
                history.deleteHistoricVariableInstance(variable.getId());
                removed++;
            }
        } while (page.size() == PAGE);
        return removed;
    }
}
