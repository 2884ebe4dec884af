package io.leadbridge.database;

import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a task's completion or form submission again when its transaction loses a deadlock or a
 * serialization conflict, as {@link ConflictRetry} says: the answers given in Tasklist and through
 * {@code /engine-rest}, which no {@link RetriedOnDeadlock} entry point covers. It sits before the
 * engine's transaction interceptor and acts only on an outermost command (no command context, no
 * Spring transaction open): then the failed run's transaction is rolled back and its command
 * context closed, and the next run opens new ones, so it starts from the database's state as the
 * winner left it (a task the other transaction completed is not found). A completion inside an open
 * transaction, such as {@code LeadActions}', is retried by that transaction's owner.
 */
class TaskAnswerRetry extends CommandInterceptor {

    private final ConflictRetry retry;

    TaskAnswerRetry(ConflictRetry retry) {
        this.retry = retry;
    }

    @Override
    public <T> T execute(Command<T> command) {
        boolean answer = command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd;
        if (!answer || Context.getCommandContext() != null
                || TransactionSynchronizationManager.isActualTransactionActive()) {
            return next.execute(command);
        }
        return retry.run(command.getClass().getSimpleName(), () -> next.execute(command));
    }
}
