package io.leadbridge.taskform;

import io.leadbridge.web.InvalidInputException;
import java.lang.reflect.Field;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Sits in the engine's command chain, so Tasklist, {@code /engine-rest} and Leadbridge's own API
 * are held to the same rules:
 * <ul>
 * <li>completing a task (complete, submit-form, resolve) writes exactly the variables of its form:
 * a key the form does not have, a value it does not allow, or a changed read-only field is refused
 * with 400 naming the variable, and nothing is completed;</li>
 * <li>writing, changing or removing variables directly (a task's or a process instance's variables)
 * is for Camunda administrators ({@code camunda-admin}, Cockpit's variable editing) and for the
 * application itself (no user on the engine); any other user gets 403;</li>
 * <li>a form's variables ({@code form-variables}, what Tasklist shows) include the facts the form
 * shows from the application's tables ({@link ShownFacts}), once the engine has allowed the user to
 * read the task; a completion checks such a read-only fact and drops it, so it is never stored.</li>
 * </ul>
 * Only the outermost command is judged: what the process's own listeners and delegates do while a
 * user's completion runs is the process's business, not the user's.
 */
class TaskAnswerGuard extends CommandInterceptor {

    private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);

    private final DeployedTaskForms forms;
    private final Supplier<Stream<ShownFacts>> shownFacts;

    TaskAnswerGuard(DeployedTaskForms forms, Supplier<Stream<ShownFacts>> shownFacts) {
        this.forms = forms;
        this.shownFacts = shownFacts;
    }

    @Override
    public <T> T execute(Command<T> command) {
        int depth = DEPTH.get();
        DEPTH.set(depth + 1);
        try {
            if (depth == 0) {
                judge(command, Context.getCommandContext());
            }
            T result = depth == 0 && (isCompletion(command) || isStart(command)) ? complete(command)
                    : next.execute(command);
            if (depth == 0 && command instanceof GetTaskFormVariablesCmd asked && result instanceof VariableMap shown) {
                addShownFacts(asked, shown, Context.getCommandContext());
            }
            return result;
        } finally {
            if (depth == 0) {
                DEPTH.remove();
            } else {
                DEPTH.set(depth);
            }
        }
    }

    private static boolean isCompletion(Command<?> command) {
        return command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd;
    }

    /** A process started with a start form's answer, which the start event's own check may refuse. */
    private static boolean isStart(Command<?> command) {
        return command instanceof SubmitStartFormCmd || command instanceof StartProcessInstanceCmd;
    }

    /**
     * Completes the task (or starts the process); a refusal by the step's own completion check (or the
     * start event's check of a start form) (an {@link InvalidInputException}
     * however deep the engine wrapped it) becomes a {@link TaskAnswerRefused}, so {@code /engine-rest}
     * and Tasklist answer 400 naming the field, as for the form's own rules, never 500.
     */
    private <T> T complete(Command<T> command) {
        try {
            return next.execute(command);
        } catch (TaskAnswerRefused refused) {
            throw refused;
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof InvalidInputException refusal) {
                    throw new TaskAnswerRefused(refusal);
                }
            }
            throw e;
        }
    }

    private void judge(Command<?> command, CommandContext context) {
        if (isCompletion(command)) {
            String taskId = field(command, "taskId");
            String answerField = command instanceof SubmitTaskFormCmd ? "properties" : "variables";
            Map<String, Object> answer = field(command, answerField);
            Map<String, String> facts = checkAnswer(taskId, answer == null ? Map.of() : answer, context);
            if (answer != null && facts.keySet().stream().anyMatch(answer::containsKey)) {
                VariableMap stored = Variables.createVariables();
                answer.forEach((key, value) -> {
                    if (!facts.containsKey(key)) {
                        stored.put(key, value);
                    }
                });
                setField(command, answerField, stored);
            }
        } else if (command instanceof AbstractSetVariableCmd || command instanceof AbstractPatchVariablesCmd
                || command instanceof AbstractRemoveVariableCmd) {
            checkDirectWrite(command, context);
        }
    }

    /** Checks the answer against the task's form; returns the facts the form shows that are not variables. */
    private Map<String, String> checkAnswer(String taskId, Map<String, Object> answer, CommandContext context) {
        TaskEntity task = taskId == null ? null
                : context.runWithoutAuthorization(() -> context.getTaskManager().findTaskById(taskId));
        if (task == null) {
            return Map.of(); // the command itself says the task does not exist
        }
        Optional<TaskForm> form = context.runWithoutAuthorization(() -> forms.of(task, context));
        if (form.isEmpty()) {
            if (!answer.isEmpty() && isUser(context.getAuthentication(), context)) {
                throw new TaskAnswerRefused(new TreeSet<>(answer.keySet()).first(), "step '"
                        + task.getTaskDefinitionKey() + "' has no form and takes no variables");
            }
            return Map.of();
        }
        Map<String, String> facts = answer.isEmpty() ? Map.of()
                : context.runWithoutAuthorization(() -> factsOf(task));
        for (String key : new TreeSet<>(answer.keySet())) {
            FormField field = form.get().fields().get(key);
            if (field == null) {
                throw new TaskAnswerRefused(key, "is not a field of the form '" + form.get().id() + "' of step '"
                        + task.getTaskDefinitionKey() + "'; it takes " + new TreeSet<>(form.get().fields().keySet()));
            }
            Object value = answer.get(key) instanceof TypedValue typed ? typed.getValue() : answer.get(key);
            Object current = facts.containsKey(key) ? facts.get(key)
                    : field.readonly() ? context.runWithoutAuthorization(() -> task.getVariable(key)) : null;
            Optional<String> problem = facts.containsKey(key) && !field.readonly()
                    ? Optional.of("is shown from the lead's record and cannot be answered")
                    : field.problemWith(value, current);
            if (problem.isPresent()) {
                throw new TaskAnswerRefused(key, problem.get());
            }
        }
        return facts;
    }

    /** Adds the facts the task's form shows to the form variables the engine found (those the caller asked for). */
    private void addShownFacts(GetTaskFormVariablesCmd asked, VariableMap shown, CommandContext context) {
        TaskEntity task = context.runWithoutAuthorization(
                () -> context.getTaskManager().findTaskById(asked.resourceId));
        if (task == null) {
            return;
        }
        Optional<TaskForm> form = context.runWithoutAuthorization(() -> forms.of(task, context));
        if (form.isEmpty()) {
            return;
        }
        context.runWithoutAuthorization(() -> factsOf(task)).forEach((key, value) -> {
            boolean wanted = asked.formVariableNames == null || asked.formVariableNames.contains(key);
            if (wanted && form.get().fields().containsKey(key)) {
                shown.putValueTyped(key, Variables.stringValue(value));
            }
        });
    }

    private Map<String, String> factsOf(TaskEntity task) {
        Map<String, String> facts = new HashMap<>();
        shownFacts.get().forEach(source -> facts.putAll(source.shownOn(task)));
        return facts;
    }

    private void checkDirectWrite(Command<?> command, CommandContext context) {
        Authentication user = context.getAuthentication();
        if (!isUser(user, context)) {
            return;
        }
        TreeSet<String> names = new TreeSet<>();
        Map<String, ?> written = command instanceof AbstractRemoveVariableCmd ? null : field(command, "variables");
        if (written != null) {
            names.addAll(written.keySet());
        }
        Collection<String> removed = command instanceof AbstractRemoveVariableCmd ? field(command, "variableNames")
                : command instanceof AbstractPatchVariablesCmd ? field(command, "deletions") : List.of();
        if (removed != null) {
            names.addAll(removed);
        }
        throw new AuthorizationException("User '" + user.getUserId() + "' may not write the variables " + names
                + " directly: a step's answer goes through its form (complete or submit-form), and the process "
                + "sets everything else; only camunda-admin may change variables");
    }

    /** A person on the engine who is not a Camunda administrator (no authentication: the application itself). */
    private static boolean isUser(Authentication authentication, CommandContext context) {
        return authentication != null && authentication.getUserId() != null
                && !context.getAuthorizationManager().isCamundaAdmin(authentication);
    }

    private static void setField(Object command, String name, Object value) {
        try {
            declared(command, name).set(command, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot write " + name + " of " + command.getClass().getName(), e);
        }
    }

    /** The commands keep what they were given in protected fields without getters. */
    @SuppressWarnings("unchecked")
    private static <V> V field(Object command, String name) {
        try {
            return (V) declared(command, name).get(command);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + name + " of " + command.getClass().getName(), e);
        }
    }

    private static Field declared(Object command, String name) {
        for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new IllegalStateException(command.getClass().getName() + " has no field " + name
                + "; check TaskAnswerGuard against this Camunda version");
    }
}
