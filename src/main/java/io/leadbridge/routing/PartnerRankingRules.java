package io.leadbridge.routing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * The {@code partnerRanking} table (decisions/partner-ranking.dmn): a partner's weight in the
 * rotation of its pool, 0 for never. The table depends only on its inputs, so answers are kept
 * per deployed decision definition (its id) and input (rates rounded to whole percent): choosing
 * among thousands of partners with few distinct inputs evaluates the table a few times. A choice
 * asks {@link #currentVersion} once and evaluates that very definition, so a redeployed table
 * takes effect with the next choice and a choice never mixes two versions.
 */
@Component
public class PartnerRankingRules {

    public static final String DECISION = "partnerRanking";

    private final DecisionService decisions;
    private final DeployedDecisions deployed;
    private final DecisionTrace trace;
    private final Map<AnswerKey, Answer> answers = new ConcurrentHashMap<>();
    /** The definition whose answers are kept; those of others are dropped when it changes. */
    private volatile String answersFor;

    PartnerRankingRules(DecisionService decisions, DeployedDecisions deployed, DecisionTrace trace) {
        this.decisions = decisions;
        this.deployed = deployed;
        this.trace = trace;
    }

    /** What an answer is remembered by: the decision definition's id and the (rounded) input. */
    private record AnswerKey(String definitionId, RankingInput input) {
    }

    /** A remembered answer with the rows that gave it, so explanations stay complete. */
    private record Answer(int weight, List<DecisionTrace.TracedDecision> decisions) {
    }

    /** The facts the ranking table reads about one partner. Rates are null without enough history. */
    public record RankingInput(String tier, Double acceptanceRate, Double slaKeptRate, Double winRate, double load,
            String standing) {

        public RankingInput rounded() {
            return new RankingInput(tier, round(acceptanceRate), round(slaKeptRate), round(winRate),
                    Math.round(load * 100) / 100.0, standing);
        }

        /** The table's input variables. */
        public Map<String, Object> asVariables() {
            Map<String, Object> variables = new HashMap<>();
            variables.put("tier", tier);
            variables.put("acceptanceRate", acceptanceRate);
            variables.put("slaKeptRate", slaKeptRate);
            variables.put("winRate", winRate);
            variables.put("load", load);
            variables.put("standing", standing);
            return variables;
        }

        private static Double round(Double rate) {
            return rate == null ? null : Math.round(rate * 100) / 100.0;
        }
    }

    /**
     * The id of the decision definition in force (the latest deployed version); answers of
     * earlier versions are forgotten.
     */
    public String currentVersion() {
        DecisionDefinition latest = deployed.latest(DECISION);
        if (!latest.getId().equals(answersFor)) {
            answers.keySet().removeIf(key -> !key.definitionId().equals(latest.getId()));
            answersFor = latest.getId();
        }
        return latest.getId();
    }

    /** The weight the table of decision definition {@code definitionId} gives the input. */
    public int weight(String definitionId, RankingInput input) {
        AnswerKey asked = new AnswerKey(definitionId, input.rounded());
        Answer known = answers.get(asked);  // a plain read first: a choice asks thousands of times, mostly known
        Answer answer = known != null ? known : answers.computeIfAbsent(asked, key -> {
            DecisionTrace.Traced<Integer> traced = trace.record(() -> evaluate(key));
            return new Answer(traced.value(), traced.decisions());
        });
        trace.replay(answer.decisions());
        return answer.weight();
    }

    private int evaluate(AnswerKey key) {
        Map<String, Object> variables = key.input().asVariables();
        return read(decisions.evaluateDecisionById(key.definitionId()).variables(variables).evaluate(), variables);
    }

    /** What a result of the table says; also used by the what-if replay, which evaluates candidate tables. */
    public static int read(DmnDecisionResult result, Map<String, Object> variables) {
        if (result.isEmpty()) {
            throw new DecisionTableException(DECISION, "no rule matched " + variables);
        }
        int weight = new DecisionOutputs(DECISION, result.getFirstResult().getEntryMap()).requiredInt("weight");
        if (weight < 0) {
            throw new DecisionTableException(DECISION, "weight must not be negative, is " + weight);
        }
        return weight;
    }
}
