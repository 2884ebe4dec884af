package io.leadbridge.rules;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.repository.Deployment;

/**
 * Camunda's grants on new resources, except that whoever deploys may read the deployment but not
 * delete it: Camunda grants DELETE, and deleting a deployment with its cascade ends every process
 * instance started from it. A business analyst deploys rules; removing leads is not theirs to do.
 */
class DeployerGrants extends DefaultAuthorizationProvider {

    @Override
    public AuthorizationEntity[] newDeployment(Deployment deployment) {
        Authentication authentication = Context.getProcessEngineConfiguration().getIdentityService()
                .getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            return null;
        }
        return new AuthorizationEntity[] {createGrantAuthorization(authentication.getUserId(), null,
                Resources.DEPLOYMENT, deployment.getId(), Permissions.READ)};
    }
}
