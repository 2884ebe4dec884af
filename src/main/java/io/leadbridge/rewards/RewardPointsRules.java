package io.leadbridge.rewards;

import io.leadbridge.routing.DecisionTableException;
import io.leadbridge.routing.DecisionTrace;
import io.leadbridge.routing.DecisionTrace.TracedDecision;
import io.leadbridge.routing.DeployedDecisions;
import io.leadbridge.routing.RuleAnnotations;
import io.leadbridge.routing.TextCells;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.InputExpression;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;

/**
 * The {@code rewardPoints} table (decisions/reward-points.dmn): how many points a step on a lead
 * earns, and which row of which table version said so. It is asked for every lead event that
 * names a partner, and most of those (offers, mails, reminders) earn nothing: an event whose type
 * no row of the version in force names is answered "no points" without evaluating the table, as
 * long as every row names its types as plain texts ({@code "WON"}, {@code "ACCEPTED","CONTACTED"}).
 * One row that takes any type ({@code -}) or an expression has every event asked again.
 */
@Component
public class RewardPointsRules {

    public static final String DECISION = "rewardPoints";

    static final String EVENT_TYPE = "eventType";

    private final DeployedDecisions decisions;
    private final RepositoryService repository;
    private final DecisionTrace trace;
    private final RuleAnnotations annotations;
    /** Per version of the table: the event types its rows name; empty when a row takes any. */
    private final Map<String, Optional<Set<String>>> namedTypes = new ConcurrentHashMap<>();

    RewardPointsRules(DeployedDecisions decisions, RepositoryService repository, DecisionTrace trace,
            RuleAnnotations annotations) {
        this.decisions = decisions;
        this.repository = repository;
        this.trace = trace;
        this.annotations = annotations;
    }

    /** What the table knows about a step: its event type and the facts stored with it. */
    record Step(String eventType, Boolean onTime, String segment, BigDecimal dealValue, String withdrawalReason) {
    }

    /** The points of the matching row, its id and annotation, and the table version; empty when no row matches. */
    record Points(int points, String ruleId, String annotation, int decisionVersion) {
    }

    Optional<Points> evaluate(Step step) {
        String version = decisions.latest(DECISION).getId();
        Optional<Set<String>> named = namedTypes.computeIfAbsent(version, this::eventTypesNamed);
        if (named.isPresent() && !named.get().contains(step.eventType())) {
            return Optional.empty();
        }
        VariableMap inputs = Variables.createVariables()
                .putValue("eventType", step.eventType())
                .putValue("onTime", step.onTime())
                .putValue("segment", step.segment())
                .putValue("dealValue", step.dealValue() == null ? null : step.dealValue().doubleValue())
                .putValue("withdrawalReason", step.withdrawalReason());
        DecisionTrace.Traced<DmnDecisionResult> traced =
                trace.record(() -> decisions.evaluate(DECISION, inputs));
        DmnDecisionResult result = traced.value();
        if (result.isEmpty()) {
            return Optional.empty();
        }
        int points = pointsOf(result, step);
        TracedDecision table = traced.decisions().stream()
                .filter(d -> DECISION.equals(d.key()) && !d.ruleIds().isEmpty())
                .findFirst()
                .orElseThrow(() -> new DecisionTableException(DECISION, "the matching row was not traced"));
        String ruleId = table.ruleIds().get(0);
        return Optional.of(new Points(points, ruleId, annotations.of(table.definitionId(), ruleId),
                table.version()));
    }

    /**
     * The event types the rows of this version name in their {@code eventType} column; empty when
     * the table has no such column or a row's cell is anything but plain texts.
     */
    private Optional<Set<String>> eventTypesNamed(String definitionId) {
        DmnModelInstance model;
        try (InputStream file = repository.getDecisionModel(definitionId)) {
            model = Dmn.readModelFromStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DecisionTable table = model.getModelElementsByType(Decision.class).stream()
                .filter(decision -> DECISION.equals(decision.getId()))
                .map(Decision::getExpression).filter(DecisionTable.class::isInstance).map(DecisionTable.class::cast)
                .findFirst().orElse(null);
        if (table == null) {
            return Optional.empty();
        }
        List<Input> columns = List.copyOf(table.getInputs());
        int column = -1;
        for (int i = 0; i < columns.size(); i++) {
            InputExpression expression = columns.get(i).getInputExpression();
            if (expression != null && expression.getText() != null
                    && EVENT_TYPE.equals(expression.getText().getTextContent().trim())) {
                column = i;
            }
        }
        if (column < 0) {
            return Optional.empty();
        }
        Set<String> types = new HashSet<>();
        for (Rule rule : table.getRules()) {
            List<InputEntry> cells = List.copyOf(rule.getInputEntries());
            String cell = cells.size() > column && cells.get(column).getText() != null
                    ? cells.get(column).getText().getTextContent().trim() : "";
            List<String> named = TextCells.listed(cell);
            if (named.isEmpty()) {
                return Optional.empty();
            }
            types.addAll(named);
        }
        return Optional.of(Set.copyOf(types));
    }

    /** The points of the first matching row; also used to check each row of a table before it is deployed. */
    public static int pointsOf(DmnDecisionResult result, Object inputs) {
        Object points = result.getFirstResult().getEntry("points");
        if (!(points instanceof Number number)) {
            throw new DecisionTableException(DECISION, "output 'points' is not a whole number: " + points
                    + " (for " + inputs + ")");
        }
        return number.intValue();
    }
}
