package io.leadbridge.security;

import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Makes sure the vendor groups, grants and Tasklist filters exist when the service starts. */
@Component
@Order(0)
class AccessBootstrap implements ApplicationRunner {

    private final AccessProvisioning provisioning;
    private final CamundaBpmProperties camunda;

    AccessBootstrap(AccessProvisioning provisioning, CamundaBpmProperties camunda) {
        this.provisioning = provisioning;
        this.camunda = camunda;
    }

    @Override
    public void run(ApplicationArguments args) {
        String admin = camunda.getAdminUser() == null ? null : camunda.getAdminUser().getId();
        provisioning.provisionVendorAccess(admin);
    }
}
