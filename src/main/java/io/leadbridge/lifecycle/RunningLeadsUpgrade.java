package io.leadbridge.lifecycle;

import io.leadbridge.config.LeadbridgeProperties;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.Task;
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
    private final ManagementService management;
    private final LeadbridgeProperties properties;

    RunningLeadsUpgrade(RepositoryService repository, RuntimeService runtime, ManagementService management,
            LeadbridgeProperties properties) {
        this.management = management;
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

    /**
     * Each step maps to the step of the same id. Camunda's {@code mapEqualActivities} maps only steps
     * whose enclosing sub-processes map too; a task the newest version wraps in a new sub-process
     * (as "Report on the lead" wraps "Report progress or close the deal") is mapped here, and the
     * migration opens that sub-process around it.
     */
    private MigrationPlan plan(ProcessDefinition older, ProcessDefinition newest) {
        Set<String> mapped = runtime.createMigrationPlan(older.getId(), newest.getId()).mapEqualActivities().build()
                .getInstructions().stream().map(MigrationInstruction::getSourceActivityId).collect(Collectors.toSet());
        Set<String> moved = tasks(older);
        moved.retainAll(tasks(newest));
        moved.removeAll(mapped);
        MigrationPlanBuilder plan = runtime.createMigrationPlan(older.getId(), newest.getId()).mapEqualActivities();
        moved.stream().sorted().forEach(task -> plan.mapActivities(task, task));
        return plan.build();
    }

    private Set<String> tasks(ProcessDefinition version) {
        return repository.getBpmnModelInstance(version.getId()).getModelElementsByType(Task.class).stream()
                .map(Task::getId).collect(Collectors.toCollection(HashSet::new));
    }

    private int upgrade(ProcessDefinition older, ProcessDefinition newest) {
        MigrationPlan plan;
        try {
            plan = plan(older, newest);
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
                    List<Job> timers = timersOf(lead);
                    runtime.newMigration(plan).processInstanceIds(lead).skipCustomListeners().execute();
                    keepTimersDue(lead, timers);
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

    /** The lead's timers as they are before it moves. */
    private List<Job> timersOf(String lead) {
        return management.createJobQuery().processInstanceId(lead).timers().list();
    }

    /**
     * A timer the migration had to create anew (its step now hangs on a new sub-process, as "Status
     * update due" on "Report on the lead") keeps the due date of the lead's one old timer of that step.
     * Timers the migration kept are left as they are.
     */
    private void keepTimersDue(String lead, List<Job> before) {
        Set<String> kept = before.stream().map(Job::getId).collect(Collectors.toSet());
        Map<String, List<Date>> dueByStep = before.stream().collect(Collectors.groupingBy(this::stepOf,
                Collectors.mapping(Job::getDuedate, Collectors.toList())));
        for (Job timer : timersOf(lead)) {
            List<Date> due = dueByStep.getOrDefault(stepOf(timer), List.of());
            if (!kept.contains(timer.getId()) && due.size() == 1 && !due.get(0).equals(timer.getDuedate())) {
                management.setJobDuedate(timer.getId(), due.get(0));
            }
        }
    }

    private String stepOf(Job timer) {
        return management.createJobDefinitionQuery().jobDefinitionId(timer.getJobDefinitionId()).singleResult()
                .getActivityId();
    }
}
