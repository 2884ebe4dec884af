package io.leadbridge.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadbridge.LeadbridgeApplication;
import io.leadbridge.support.LeadbridgeTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.spring.boot.starter.property.AdminUserProperty;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The configured first administrator's password keeps the policy, checked before Camunda creates the user. */
@LeadbridgeTest
class AdminPasswordPolicyCheckTest {

    @Autowired IdentityService identity;

    @Test
    void aWeakPasswordForAnAdministratorStillToBeCreatedIsNamedRuleByRule() {
        assertThat(AdminPasswordPolicyCheck.brokenRules(identity, admin("first-admin", "secret")))
                .anySatisfy(rule -> assertThat(rule).contains("PASSWORD_POLICY_LENGTH"))
                .anySatisfy(rule -> assertThat(rule).contains("PASSWORD_POLICY_UPPERCASE"));
        assertThat(AdminPasswordPolicyCheck.brokenRules(identity, admin("first-admin", "First-admin-2026")))
                .singleElement().asString().contains("PASSWORD_POLICY_USER_DATA");
        assertThat(AdminPasswordPolicyCheck.brokenRules(identity, admin("first-admin", "Our-Own-Pass-42"))).isEmpty();
    }

    @Test
    void theFirstStartWithAWeakAdministratorPasswordStopsNamingTheSettingAndTheRules() {
        SpringApplicationBuilder leadbridge = new SpringApplicationBuilder(LeadbridgeApplication.class)
                .properties("spring.main.banner-mode=off");

        assertThatThrownBy(() -> leadbridge.run("--spring.profiles.active=test", "--server.port=0",
                "--camunda.bpm.admin-user.password=secret"))
                .rootCause()
                .hasMessageContaining("CAMUNDA_BPM_ADMIN_USER_PASSWORD")
                .hasMessageContaining("PASSWORD_POLICY_LENGTH");
    }

    @Test
    void theSettingOfAnAdministratorWhoExistsIsNotUsedAndNotChecked() {
        assertThat(AdminPasswordPolicyCheck.brokenRules(identity, admin("admin", "admin"))).isEmpty();
    }

    private static AdminUserProperty admin(String id, String password) {
        AdminUserProperty admin = new AdminUserProperty();
        admin.setId(id);
        admin.setPassword(password);
        admin.setFirstName("Vendor");
        admin.setLastName("Admin");
        return admin;
    }
}
