package io.leadbridge.routing;

import io.leadbridge.database.TransactionMemo;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * The decision tables in force: the latest deployed version of each, as Camunda's
 * {@code evaluateDecisionByKey} finds it, but looked up once per transaction for every table
 * instead of once per evaluation. A lead's routing step asks five to nine tables (a reward for
 * each event that names a partner), and each by-key evaluation asked the database for the
 * latest version again: a statement with a {@code max(VERSION_)} sub-query, about 5% of the
 * routing jobs' time. A table an analyst deploys takes effect with the next transaction that
 * asks, as before, and one transaction never mixes two versions of a table. Outside a
 * transaction every call looks up again.
 */
@Component
public class DeployedDecisions {

    private final DecisionService decisions;
    private final RepositoryService repository;
    private final TransactionMemo<String, DecisionDefinition> inTransaction = new TransactionMemo<>();

    DeployedDecisions(DecisionService decisions, RepositoryService repository) {
        this.decisions = decisions;
        this.repository = repository;
    }

    /** Evaluates the latest deployed version of the table {@code key} with these inputs. */
    public DmnDecisionResult evaluate(String key, Map<String, Object> inputs) {
        return decisions.evaluateDecisionById(latest(key).getId()).variables(inputs).evaluate();
    }

    /** The latest deployed version of the table {@code key}. */
    public DecisionDefinition latest(String key) {
        Map<String, DecisionDefinition> known = inThisTransaction();
        DecisionDefinition latest = known != null ? known.get(key)
                : repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult();
        if (latest == null) {
            throw new DecisionTableException(key, "is not deployed");
        }
        return latest;
    }

    /** The latest version of every table, read at the first question of the transaction; null outside one. */
    private Map<String, DecisionDefinition> inThisTransaction() {
        Map<String, DecisionDefinition> inForce = inTransaction.current();
        if (inForce != null && inForce.isEmpty()) {
            for (DecisionDefinition definition : repository.createDecisionDefinitionQuery().latestVersion().list()) {
                inForce.put(definition.getKey(), definition);
            }
        }
        return inForce;
    }
}
