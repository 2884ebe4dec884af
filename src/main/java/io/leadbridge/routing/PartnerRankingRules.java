package io.leadbridge.routing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * The {@code partnerRanking} table (decisions/partner-ranking.dmn): a partner's weight in the
 * rotation of its pool, 0 for never. The table depends only on its inputs, so answers are kept
 * per deployed version and input (rates rounded to whole percent): choosing among thousands of
 * partners does not evaluate the table thousands of times.
 */
@Component
public class PartnerRankingRules {

    public static final String DECISION = "partnerRanking";

    private final DecisionService decisions;
    private final RepositoryService repository;
    private final DecisionTrace trace;
    private final Map<RankingInput, Answer> answers = new ConcurrentHashMap<>();
    private volatile String answersFor;

    PartnerRankingRules(DecisionService decisions, RepositoryService repository, DecisionTrace trace) {
        this.decisions = decisions;
        this.repository = repository;
        this.trace = trace;
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

    /** The id of the table version in force; answers are remembered per version. */
    public String currentVersion() {
        DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION)
                .latestVersion().singleResult();
        if (latest == null) {
            throw new DecisionTableException(DECISION, "is not deployed");
        }
        if (!latest.getId().equals(answersFor)) {
            answers.clear();
            answersFor = latest.getId();
        }
        return latest.getId();
    }

    public int weight(RankingInput input) {
        Answer answer = answers.computeIfAbsent(input.rounded(), key -> {
            DecisionTrace.Traced<Integer> traced = trace.record(() -> evaluate(key));
            return new Answer(traced.value(), traced.decisions());
        });
        trace.replay(answer.decisions());
        return answer.weight();
    }

    private int evaluate(RankingInput input) {
        Map<String, Object> variables = input.asVariables();
        return read(decisions.evaluateDecisionByKey(DECISION).variables(variables).evaluate(), variables);
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
