package io.leadbridge.taskform;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Puts {@link TaskAnswerGuard} into the engine's command chains, after the command context is opened. */
@Component
class TaskAnswerGuardPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<ShownFacts> shownFacts;

    TaskAnswerGuardPlugin(ObjectProvider<ShownFacts> shownFacts) {
        this.shownFacts = shownFacts;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // An interceptor knows the next one in its chain: one guard per chain, sharing the forms read.
        // The facts' sources are looked up when a form is read, long after the engine is built.
        DeployedTaskForms forms = new DeployedTaskForms();
        configuration.setCustomPostCommandInterceptorsTxRequired(with(
                configuration.getCustomPostCommandInterceptorsTxRequired(),
                new TaskAnswerGuard(forms, shownFacts::orderedStream)));
        configuration.setCustomPostCommandInterceptorsTxRequiresNew(with(
                configuration.getCustomPostCommandInterceptorsTxRequiresNew(),
                new TaskAnswerGuard(forms, shownFacts::orderedStream)));
    }

    private static List<CommandInterceptor> with(List<CommandInterceptor> interceptors, TaskAnswerGuard guard) {
        List<CommandInterceptor> all = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
        all.add(guard);
        return all;
    }
}
