package io.leadbridge.standing;

import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Finds a partner's open "Review suspended partner" task, whichever of its two forms it has. */
@Component
class SuspensionReviews {

    private final TaskService tasks;

    SuspensionReviews(TaskService tasks) {
        this.tasks = tasks;
    }

    Optional<Task> openReview(String partnerId) {
        return tasks.createTaskQuery()
                .processDefinitionKey(StandingVariables.PROCESS_KEY)
                .processInstanceBusinessKey(partnerId)
                .taskDefinitionKeyIn(StandingVariables.REVIEW_TASKS.toArray(String[]::new))
                .orderByTaskCreateTime().asc()
                .list().stream().findFirst();
    }
}
