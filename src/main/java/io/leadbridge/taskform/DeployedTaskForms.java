package io.leadbridge.taskform;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;

/**
 * The Camunda Form a task shows, as deployed: the one Tasklist renders for it (its
 * {@code camunda:formRef} and binding). A deployed form never changes, so each is read once.
 */
class DeployedTaskForms {

    private final Map<String, TaskForm> byDefinitionId = new ConcurrentHashMap<>();

    /** The task's form; empty for a task without a Camunda Form. */
    Optional<TaskForm> of(TaskEntity task, CommandContext context) {
        task.initializeFormKey();
        if (task.getCamundaFormRef() == null) {
            return Optional.empty();
        }
        String deploymentId = task.getProcessDefinition() == null ? null : task.getProcessDefinition().getDeploymentId();
        CamundaFormDefinition definition = context.runWithoutAuthorization(
                () -> new GetCamundaFormDefinitionCmd(task.getCamundaFormRef(), deploymentId).execute(context));
        if (definition == null) {
            throw new TaskAnswerRefused(null, "the form '" + task.getCamundaFormRef().getKey() + "' of step '"
                    + task.getTaskDefinitionKey() + "' is not deployed; nothing can be submitted");
        }
        TaskForm form = byDefinitionId.get(definition.getId());
        if (form == null) {
            ResourceEntity resource = context.runWithoutAuthorization(() -> context.getResourceManager()
                    .findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(), definition.getResourceName()));
            form = TaskForm.parse(resource.getBytes());
            byDefinitionId.put(definition.getId(), form);
        }
        return Optional.of(form);
    }
}
