package io.leadbridge.rules;

import io.leadbridge.accountview.FollowOnRules;
import io.leadbridge.dealregistration.DealApprovalRules;
import io.leadbridge.rewards.RewardPointsRules;
import io.leadbridge.routing.AccountProtectionRules;
import io.leadbridge.routing.DecisionTableException;
import io.leadbridge.routing.LeadQualificationRules;
import io.leadbridge.routing.PartnerEligibilityRules;
import io.leadbridge.routing.PartnerRankingRules;
import io.leadbridge.routing.SlaPolicyRules;
import io.leadbridge.standing.PartnerStandingRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionResultEntriesImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionResultImpl;
import org.camunda.bpm.dmn.engine.impl.type.DefaultDataTypeTransformerRegistry;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * Every row of a table the application reads gives outputs the application can use. Each row's
 * outputs are evaluated as they stand and read by the very code that reads the table's answer
 * for a lead ({@link SlaPolicyRules#read}, {@link PartnerRankingRules#read}, ...), so a row that
 * would stop a lead (a reminder not before its deadline, an unknown route, a negative weight) is
 * found before the table is deployed, not when a lead first matches it. An output computed from
 * the inputs (such as {@code max(1, baseWeight + ...)}) is checked when a lead matches its row;
 * the row's other outputs are checked here.
 */
final class DecisionRows {

    /** The tables the application reads, each with the code that reads one answer of it. */
    private static final Map<String, Consumer<DmnDecisionResult>> READERS = Map.of(
            LeadQualificationRules.DECISION, row -> LeadQualificationRules.read(row, Map.of()),
            AccountProtectionRules.DECISION, AccountProtectionRules::read,
            PartnerEligibilityRules.DECISION, PartnerEligibilityRules::read,
            PartnerRankingRules.DECISION, row -> PartnerRankingRules.read(row, Map.of()),
            SlaPolicyRules.DECISION, row -> SlaPolicyRules.read(row, Map.of()),
            PartnerStandingRules.DECISION, row -> PartnerStandingRules.read(row, Map.of()),
            RewardPointsRules.DECISION, row -> RewardPointsRules.pointsOf(row, "the row"),
            FollowOnRules.DECISION, FollowOnRules::read,
            DealApprovalRules.DECISION, DealApprovalRules::read);

    private static final DefaultDataTypeTransformerRegistry TYPES = new DefaultDataTypeTransformerRegistry();

    private DecisionRows() {
    }

    /** Every row of the file's known tables that the application could not use, naming table, row and rule. */
    static List<String> problems(DmnModelInstance model) {
        List<String> problems = new ArrayList<>();
        FeelEngine feel = null;
        for (Decision decision : model.getModelElementsByType(Decision.class)) {
            Consumer<DmnDecisionResult> reader = READERS.get(decision.getId());
            if (reader == null || !(decision.getExpression() instanceof DecisionTable table)) {
                continue;
            }
            if (feel == null) {
                feel = new ScalaFeelEngineFactory().createInstance();
            }
            List<Output> outputs = List.copyOf(table.getOutputs());
            int number = 0;
            for (Rule rule : table.getRules()) {
                number++;
                String problem = problem(rule, outputs, reader, feel);
                if (problem != null) {
                    problems.add("table " + decision.getId() + ", row " + number + " (" + describe(rule) + "): "
                            + problem);
                }
            }
        }
        return problems;
    }

    /**
     * What is wrong with the row for the application, or null. An output computed from the inputs
     * stands in as a plain value of its type, and a complaint that names it is left to the time a
     * lead matches the row: only then is its value known.
     */
    private static String problem(Rule rule, List<Output> outputs, Consumer<DmnDecisionResult> reader,
            FeelEngine feel) {
        List<OutputEntry> entries = List.copyOf(rule.getOutputEntries());
        if (entries.size() != outputs.size()) {
            return "has " + entries.size() + " output cells, the table has " + outputs.size() + " outputs";
        }
        DmnDecisionResultEntriesImpl row = new DmnDecisionResultEntriesImpl();
        List<String> computed = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            Output output = outputs.get(i);
            String text = entries.get(i).getText() == null ? null : entries.get(i).getText().getTextContent();
            if (text == null || text.isBlank()) {
                row.putValue(output.getName(), Variables.untypedNullValue());
                continue;
            }
            if (!FeelTexts.isConstant(text)) {
                computed.add(output.getName());
                row.putValue(output.getName(), typed(output.getTypeRef(), standIn(output.getTypeRef())));
                continue;
            }
            try {
                Object value = feel.evaluateSimpleExpression(text, Variables.emptyVariableContext());
                row.putValue(output.getName(), typed(output.getTypeRef(), value));
            } catch (RuntimeException e) {
                return "output '" + output.getName() + "' " + text.strip() + " is not of type " + output.getTypeRef()
                        + ": " + firstLine(e);
            }
        }
        try {
            reader.accept(new DmnDecisionResultImpl(List.of(row)));
            return null;
        } catch (DecisionTableException e) {
            boolean aboutComputed = computed.stream().anyMatch(name -> Pattern.compile(
                    "(?<![A-Za-z0-9_])" + Pattern.quote(name) + "(?![A-Za-z0-9_])").matcher(e.problem()).find());
            return aboutComputed ? null : e.problem();
        }
    }

    /** A plain value of the type, for an output whose value only a lead tells. */
    private static Object standIn(String typeRef) {
        if (typeRef == null) {
            return "computed";
        }
        return switch (typeRef.toLowerCase(Locale.ROOT)) {
            case "integer", "long", "double" -> 1;
            case "boolean" -> true;
            default -> "computed";
        };
    }

    private static TypedValue typed(String typeRef, Object value) {
        if (typeRef == null || typeRef.isBlank()) {
            return Variables.untypedValue(value);
        }
        return TYPES.getTransformer(typeRef).transform(value);
    }

    /** The rule's id and the start of its annotation, so an analyst finds it in Modeler. */
    private static String describe(Rule rule) {
        String annotation = rule.getDescription() == null ? null : rule.getDescription().getTextContent();
        if (annotation == null || annotation.isBlank()) {
            return rule.getId();
        }
        String text = annotation.strip();
        return rule.getId() + " \"" + (text.length() > 60 ? text.substring(0, 57) + "..." : text) + "\"";
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
