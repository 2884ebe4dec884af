package io.leadbridge.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The first administrator ({@code camunda.bpm.admin-user}) is created on the first start, and the
 * password policy holds for its password too. Camunda would stop the start with a bare "Password
 * does not match policy"; this check, run just before Camunda creates the user, stops it naming
 * the setting and each broken rule. Once the user exists the setting is not used, and not checked.
 */
@Component
@Order(-1) // before the starter's CreateAdminUserConfiguration (order 0)
class AdminPasswordPolicyCheck extends AbstractProcessEnginePlugin {

    private final CamundaBpmProperties camunda;

    AdminPasswordPolicyCheck(CamundaBpmProperties camunda) {
        this.camunda = camunda;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        User admin = camunda.getAdminUser();
        if (admin == null || admin.getId() == null) {
            return;
        }
        List<String> broken = brokenRules(engine.getIdentityService(), admin);
        if (!broken.isEmpty()) {
            throw new IllegalStateException("camunda.bpm.admin-user.password (CAMUNDA_BPM_ADMIN_USER_PASSWORD), the "
                    + "first administrator's password, breaks the password policy: " + String.join("; ", broken));
        }
    }

    /** The rules the configured password breaks, when the administrator is still to be created. */
    static List<String> brokenRules(IdentityService identity, User admin) {
        PasswordPolicy policy = identity.getPasswordPolicy();
        if (policy == null || identity.createUserQuery().userId(admin.getId()).count() > 0) {
            return List.of();
        }
        return identity.checkPasswordAgainstPolicy(policy, admin.getPassword(), admin).getViolatedRules().stream()
                .map(PasswordRules::describe).toList();
    }
}
