package io.leadbridge.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.support.LeadFixtures;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/**
 * Versions of the lead process in a test: the one before the offer's input parameters (kept in
 * {@code src/test/resources/upgrade/}) and the one the application ships, deployed on demand, and
 * where a lead of either stands (its version, its tasks, its timers).
 */
final class LeadProcessVersions {

    static final String EARLIER = "upgrade/lead-lifecycle-offer-answers-by-listener.bpmn";
    static final String SHIPPED = "lead-lifecycle.bpmn";

    private final ProcessEngine engine;
    private final LeadFixtures fixtures;

    LeadProcessVersions(ProcessEngine engine, LeadFixtures fixtures) {
        this.engine = engine;
        this.fixtures = fixtures;
    }

    /** Deploys the file as a new version of the lead process, the newest from now on. */
    ProcessDefinition deploy(String resource, String name) {
        String deployment = engine.getRepositoryService().createDeployment().name(name)
                .addClasspathResource(resource).deploy().getId();
        return engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(deployment).singleResult();
    }

    String definitionOf(long leadId) {
        return fixtures.process(leadId).getProcessDefinitionId();
    }

    Task task(long leadId, String step) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(Long.toString(leadId))
                .taskDefinitionKey(step).singleResult();
    }

    Date timerDue(long leadId, String boundaryEvent) {
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(fixtures.process(leadId).getId())
                .timers().activityId(boundaryEvent).singleResult();
        assertThat(timer).as(boundaryEvent + " of lead " + leadId).isNotNull();
        return timer.getDuedate();
    }
}
