package io.leadbridge.taskform;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/** Puts {@link TaskAnswerGuard} into the engine's command chains, after the command context is opened. */
@Component
class TaskAnswerGuardPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // An interceptor knows the next one in its chain: one guard per chain, sharing the forms read.
        DeployedTaskForms forms = new DeployedTaskForms();
        configuration.setCustomPostCommandInterceptorsTxRequired(
                with(configuration.getCustomPostCommandInterceptorsTxRequired(), new TaskAnswerGuard(forms)));
        configuration.setCustomPostCommandInterceptorsTxRequiresNew(
                with(configuration.getCustomPostCommandInterceptorsTxRequiresNew(), new TaskAnswerGuard(forms)));
    }

    private static List<CommandInterceptor> with(List<CommandInterceptor> interceptors, TaskAnswerGuard guard) {
        List<CommandInterceptor> all = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
        all.add(guard);
        return all;
    }
}
