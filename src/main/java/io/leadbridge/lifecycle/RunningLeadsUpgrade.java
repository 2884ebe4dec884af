package io.leadbridge.lifecycle;

import io.leadbridge.config.LeadbridgeProperties;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Moves running leads to the newest version of the lead process when a node starts, through
 * Camunda's migration API, so every lead follows the process the application ships (or an analyst
 * deployed last) instead of the version it started on. Steps keep their ids from version to
 * version, so each step maps to the step of the same id ({@code mapEqualActivities}): a lead waits
 * where it waited, its tasks keep their assignee, its timers keep their due dates and its
 * variables stay as they are.
 * <p>
 * A version the newest one cannot take (a step where leads wait was removed or changed its kind)
 * is logged and left: its leads finish on it. A lead that cannot be moved on its own (it moved on
 * meanwhile, or another node moved it first) is logged and left for the next start.
 */
@Component
class RunningLeadsUpgrade {

    private static final Logger log = LoggerFactory.getLogger(RunningLeadsUpgrade.class);
    private static final int PAGE = 100;

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final LeadbridgeProperties properties;

    RunningLeadsUpgrade(RepositoryService repository, RuntimeService runtime, LeadbridgeProperties properties) {
        this.repository = repository;
        this.runtime = runtime;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void startUpgrade() {
        if (!properties.upkeepOnStart()) {
            return;
        }
        Thread upgrade = new Thread(() -> {
            try {
                upgradeRunningLeads();
            } catch (RuntimeException e) {
                log.warn("moving running leads to the newest lead process stopped; the next start goes on", e);
            }
        }, "running-leads-upgrade");
        upgrade.setDaemon(true);
        upgrade.start();
    }

    /** Moves every running lead of an older version that the newest version can take; returns how many moved. */
    int upgradeRunningLeads() {
        List<ProcessDefinition> versions = repository.createProcessDefinitionQuery()
                .processDefinitionKey(LeadVariables.PROCESS_KEY).list().stream()
                .sorted(Comparator.comparingInt(ProcessDefinition::getVersion)).toList();
        if (versions.size() < 2) {
            return 0;
        }
        ProcessDefinition newest = versions.get(versions.size() - 1);
        int moved = 0;
        for (ProcessDefinition older : versions.subList(0, versions.size() - 1)) {
            if (runtime.createProcessInstanceQuery().processDefinitionId(older.getId()).count() > 0) {
                moved += upgrade(older, newest);
            }
        }
        return moved;
    }

    private int upgrade(ProcessDefinition older, ProcessDefinition newest) {
        MigrationPlan plan;
        try {
            plan = runtime.createMigrationPlan(older.getId(), newest.getId()).mapEqualActivities().build();
        } catch (ProcessEngineException e) {
            log.warn("leads on lead process version {} stay on it: version {} cannot take them ({})",
                    older.getVersion(), newest.getVersion(), e.getMessage());
            return 0;
        }
        int moved = 0;
        int skipped = 0;
        while (true) {
            List<String> page = runtime.createProcessInstanceQuery().processDefinitionId(older.getId())
                    .orderByProcessInstanceId().asc().listPage(skipped, PAGE).stream()
                    .map(ProcessInstance::getId).toList();
            for (String lead : page) {
                try {
                    runtime.newMigration(plan).processInstanceIds(lead).skipCustomListeners().execute();
                    moved++;
                } catch (ProcessEngineException e) {
                    skipped++;
                    log.warn("lead process instance {} stays on lead process version {}: {}", lead,
                            older.getVersion(), e.getMessage());
                }
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        log.info("moved {} running leads from lead process version {} to version {}", moved, older.getVersion(),
                newest.getVersion());
        return moved;
    }
}
