package io.leadbridge.rules;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a process model deployed by someone other than an administrator may call
 * ({@code leadbridge.rule-deployment.*} in application.yaml).
 *
 * @param processMethods the method calls such a model's expressions may make, as {@code bean.method}: those
 *                       Leadbridge's own processes make
 */
@ConfigurationProperties(prefix = "leadbridge.rule-deployment")
public record RuleDeploymentProperties(List<String> processMethods) {

    public RuleDeploymentProperties {
        processMethods = processMethods == null ? List.of() : List.copyOf(processMethods);
    }
}
