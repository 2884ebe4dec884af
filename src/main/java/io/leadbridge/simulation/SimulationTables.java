package io.leadbridge.simulation;

import io.leadbridge.routing.AccountProtectionRules;
import io.leadbridge.routing.LeadQualificationRules;
import io.leadbridge.routing.PartnerEligibilityRules;
import io.leadbridge.routing.PartnerRankingRules;
import io.leadbridge.routing.SlaPolicyRules;
import io.leadbridge.rules.DecisionFiles;
import io.leadbridge.rules.FeelOnlyDmnEngine;
import io.leadbridge.rules.RememberingFeelEngine;
import io.leadbridge.rules.RuleFileException;
import io.leadbridge.web.InvalidInputException;
import io.leadbridge.web.InvalidInputException.FieldError;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Text;

/**
 * The decision tables of one replay: the analyst's candidate files where they define a table,
 * the deployed versions otherwise. A candidate passes the check a deployment passes
 * ({@link DecisionFiles}: FEEL only, rows the application can use). Each model is parsed once
 * into a standalone DMN engine of the replay's own that evaluates FEEL only (nothing is
 * deployed), and answers are remembered per table and input: a table's answer depends only on
 * the facts its expressions name, so leads with the same such facts are answered once.
 */
final class SimulationTables {

    /** The tables a replay can take from a candidate file. */
    static final List<String> KNOWN = List.of(LeadQualificationRules.DECISION, AccountProtectionRules.DECISION,
            PartnerEligibilityRules.DECISION, PartnerRankingRules.DECISION, SlaPolicyRules.DECISION);
    /** The tables routing evaluates, in order. */
    static final List<String> ROUTING = KNOWN.subList(0, 4);

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** A candidate file as uploaded. */
    record CandidateFile(String name, byte[] content) {
    }

    /** Where a table came from: CANDIDATE (with the file) or DEPLOYED (with the version). */
    record TableUsed(String key, String source, Integer version, String file) {
    }

    private record Table(DmnDecision decision, Set<String> names) {
    }

    private final DmnEngine engine;
    private final Map<String, Table> tables = new HashMap<>();
    private final Map<String, Map<List<Object>, DmnDecisionResult>> answers = new HashMap<>();
    private final List<TableUsed> used = new ArrayList<>();

    private SimulationTables(DmnEngine engine) {
        this.engine = engine;
    }

    /** Parses the candidates (400 naming the file when one is not usable) and completes them with the deployed tables. */
    static SimulationTables of(List<CandidateFile> candidates, RepositoryService repository) {
        DefaultDmnEngineConfiguration configuration = FeelOnlyDmnEngine.configuration();
        configuration.feelEngineFactory(RememberingFeelEngine.factory());
        SimulationTables set = new SimulationTables(configuration.buildEngine());
        Map<String, String> fromFile = new LinkedHashMap<>();
        for (CandidateFile file : candidates) {
            DmnModelInstance model;
            List<DmnDecision> decisions;
            try {
                model = Dmn.readModelFromStream(new ByteArrayInputStream(file.content()));
            } catch (RuntimeException e) {
                throw problem(file.name(), "is not a DMN file the engine can read: " + firstLine(e));
            }
            // The check a deployment passes: FEEL only, and rows the application can use.
            try {
                DecisionFiles.check(file.name(), model);
            } catch (RuleFileException e) {
                throw new InvalidInputException(e.problems().stream()
                        .map(p -> new FieldError("file", file.name() + ": " + p)).toList());
            }
            try {
                decisions = set.engine.parseDecisions(model);
            } catch (RuntimeException e) {
                throw problem(file.name(), "is not a DMN file the engine can read: " + firstLine(e));
            }
            Set<String> names = namesIn(model);
            List<String> defined = decisions.stream().map(DmnDecision::getKey).filter(KNOWN::contains).toList();
            if (defined.isEmpty()) {
                throw problem(file.name(), "defines none of the decisions " + KNOWN + " (it defines "
                        + decisions.stream().map(DmnDecision::getKey).toList() + ")");
            }
            for (DmnDecision decision : decisions) {
                if (!KNOWN.contains(decision.getKey())) {
                    continue;
                }
                String earlier = fromFile.putIfAbsent(decision.getKey(), file.name());
                if (earlier != null) {
                    throw problem(file.name(), "defines " + decision.getKey() + ", which " + earlier + " defines too");
                }
                set.tables.put(decision.getKey(), new Table(decision, names));
                set.used.add(new TableUsed(decision.getKey(), "CANDIDATE", null, file.name()));
            }
        }
        for (String key : ROUTING) {
            if (set.tables.containsKey(key)) {
                continue;
            }
            DecisionDefinition deployed = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
                    .latestVersion().singleResult();
            if (deployed == null) {
                throw problem("file", "no candidate defines " + key + " and it is not deployed");
            }
            DmnModelInstance model = repository.getDmnModelInstance(deployed.getId());
            set.tables.put(key, new Table(set.engine.parseDecision(key, model), namesIn(model)));
            set.used.add(new TableUsed(key, "DEPLOYED", deployed.getVersion(), deployed.getResourceName()));
        }
        return set;
    }

    List<TableUsed> used() {
        return List.copyOf(used);
    }

    /**
     * The table's result for these facts. Facts the table's expressions never name cannot change
     * its answer, so the answer is remembered per value of the named ones.
     */
    DmnDecisionResult evaluate(String key, Map<String, Object> facts) {
        Table table = tables.get(key);
        List<Object> input = new ArrayList<>();
        for (String name : table.names()) {
            if (facts.containsKey(name)) {
                input.add(name);
                input.add(facts.get(name));
            }
        }
        return answers.computeIfAbsent(key, k -> new HashMap<>())
                .computeIfAbsent(input, i -> engine.evaluateDecision(table.decision(), Variables.fromMap(facts)));
    }

    /** Every name that occurs in an expression of the file: a conservative list of what its tables read. */
    private static Set<String> namesIn(DmnModelInstance model) {
        Set<String> names = new TreeSet<>();
        for (Text text : model.getModelElementsByType(Text.class)) {
            String content = text.getTextContent();
            if (content == null) {
                continue;
            }
            Matcher matcher = NAME.matcher(content);
            while (matcher.find()) {
                names.add(matcher.group());
            }
        }
        return names;
    }

    private static InvalidInputException problem(String file, String message) {
        return new InvalidInputException("file", file + ": " + message);
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
