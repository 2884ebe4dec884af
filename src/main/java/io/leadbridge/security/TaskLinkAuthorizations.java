package io.leadbridge.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Taking a candidate group (or candidate user) off a task takes its access to the task away too.
 * Camunda grants a candidate READ and UPDATE on the task when the link is added, but by default
 * keeps that grant when the link is removed (its {@code DefaultAuthorizationProvider} deletes
 * nothing), so the group would still read the task, its variables and its form. Here the grant
 * the link gave is deleted with the link; an assignee or owner keeps its own grant.
 */
@Component
class TaskLinkAuthorizations extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new RevokingProvider());
    }

    static class RevokingProvider extends DefaultAuthorizationProvider {

        @Override
        public AuthorizationEntity[] deleteTaskGroupIdentityLink(Task task, String groupId, String type) {
            return grantsOnTask(task, null, groupId);
        }

        @Override
        public AuthorizationEntity[] deleteTaskUserIdentityLink(Task task, String userId, String type) {
            if (userId.equals(task.getAssignee()) || userId.equals(task.getOwner())) {
                return null;
            }
            return grantsOnTask(task, userId, null);
        }

        private AuthorizationEntity[] grantsOnTask(Task task, String userId, String groupId) {
            List<AuthorizationEntity> grants = new ArrayList<>();
            AuthorizationEntity runtime = getGrantAuthorization(task.getId(), userId, groupId, Resources.TASK);
            if (runtime != null) {
                grants.add(runtime);
            }
            if (isHistoricInstancePermissionsEnabled()) {
                AuthorizationEntity history = getGrantAuthorization(task.getId(), userId, groupId,
                        Resources.HISTORIC_TASK);
                if (history != null) {
                    grants.add(history);
                }
            }
            return grants.isEmpty() ? null : grants.toArray(AuthorizationEntity[]::new);
        }
    }
}
