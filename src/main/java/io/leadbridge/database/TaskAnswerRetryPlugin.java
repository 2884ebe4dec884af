package io.leadbridge.database;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/** Puts {@link TaskAnswerRetry} into the engine's command chain, before its transaction is opened. */
@Component
class TaskAnswerRetryPlugin extends AbstractProcessEnginePlugin {

    private final ConflictRetry retry;

    TaskAnswerRetryPlugin(ConflictRetry retry) {
        this.retry = retry;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> before = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        before.add(new TaskAnswerRetry(retry));
        configuration.setCustomPreCommandInterceptorsTxRequired(before);
    }
}
