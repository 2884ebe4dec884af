package io.leadbridge.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.model.dmn.Dmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The DMN engine of the replay and of the process engine evaluates FEEL, and refuses anything else when asked. */
class FeelOnlyDmnEngineTest {

    private final DmnEngine engine = FeelOnlyDmnEngine.configuration().buildEngine();

    @Test
    void aJuelExpressionIsRefusedInsteadOfRun() {
        Path marker = Path.of("target", "feel-only-marker-" + System.nanoTime()).toAbsolutePath();
        DmnDecision decision = decision("juel", "${\"\".getClass().forName(\"java.lang.Runtime\")"
                + ".getMethod(\"getRuntime\").invoke(null).exec(\"touch " + marker + "\")}");

        assertThatThrownBy(() -> engine.evaluateDecisionTable(decision, Map.of())).hasStackTraceContaining("FEEL only");
        assertThat(marker).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript", "groovy", "python"})
    void aScriptIsRefusedInsteadOfRun(String language) {
        DmnDecision decision = decision(language, "1");

        assertThatThrownBy(() -> engine.evaluateDecisionTable(decision, Map.of())).hasStackTraceContaining("FEEL only");
    }

    @Test
    void feelIsEvaluated() {
        String answer = engine.evaluateDecisionTable(decision(null, "\"x\""), Map.of()).getSingleEntry();

        assertThat(answer).isEqualTo("yes");
    }

    private DmnDecision decision(String language, String expression) {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_Test" name="t"
                             namespace="https://leadbridge.io/decisions">
                  <decision id="test" name="Test">
                    <decisionTable id="DecisionTable_Test">
                      <input id="Input_Value"><inputExpression id="InputExpression_Value" typeRef="string"%s>
                        <text>%s</text></inputExpression></input>
                      <output id="Output_Answer" name="answer" typeRef="string" />
                      <rule id="Rule_Any"><inputEntry id="UnaryTests_Any"><text>-</text></inputEntry>
                        <outputEntry id="LiteralExpression_Any"><text>"yes"</text></outputEntry></rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """.formatted(language == null ? "" : " expressionLanguage=\"" + language + "\"",
                expression.replace("&", "&amp;").replace("<", "&lt;")).strip();
        return engine.parseDecision("test", Dmn.readModelFromStream(
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
    }
}
