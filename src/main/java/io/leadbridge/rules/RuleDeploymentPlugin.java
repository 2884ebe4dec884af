package io.leadbridge.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * Puts {@link RuleDeploymentCheck} before Camunda's deployers, makes the engine's DMN engine
 * FEEL only ({@link FeelOnlyDmnEngine}) and lets it remember the answers of constant cells
 * ({@link RememberingFeelEngine}). (A deployer may read what it deployed but not delete it:
 * {@code security.EngineGrants}.)
 */
@Component
class RuleDeploymentPlugin extends AbstractProcessEnginePlugin {

    private static final String LEADBRIDGE_PACKAGE = "io.leadbridge.";

    private final ListableBeanFactory beans;
    private final RuleDeploymentProperties properties;

    RuleDeploymentPlugin(ListableBeanFactory beans, RuleDeploymentProperties properties) {
        this.beans = beans;
        this.properties = properties;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        ProcessExpressions processes = new ProcessExpressions(beans::containsBean, this::isLeadbridgeBean,
                new HashSet<>(properties.processMethods()));
        List<Deployer> preDeployers = configuration.getCustomPreDeployers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPreDeployers());
        preDeployers.add(0, new RuleDeploymentCheck(processes));
        configuration.setCustomPreDeployers(preDeployers);

        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
        if (dmn == null) {
            dmn = FeelOnlyDmnEngine.configuration();
            configuration.setDmnEngineConfiguration(dmn);
        } else {
            FeelOnlyDmnEngine.restrict(dmn);
        }
        if (dmn.getFeelEngineFactory() == null) {
            dmn.feelEngineFactory(RememberingFeelEngine.factory());
        }
    }

    private boolean isLeadbridgeBean(String name) {
        Class<?> type = beans.getType(name, false);
        return type != null && type.getName().startsWith(LEADBRIDGE_PACKAGE);
    }
}
