package io.leadbridge.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

/** The remembering FEEL engine answers exactly as Camunda's own, from many threads at once. */
class RememberingFeelEngineTest {

    private final FeelEngine camundas = new ScalaFeelEngineFactory().createInstance();
    private final FeelEngine remembering = RememberingFeelEngine.factory().createInstance();

    private static final List<String> TESTS = List.of(">= 50", "< 10", "[10..49]", "\"US\",\"CA\"", "not(\"DE\")", "-",
            "> limit", "null", "date(\"2026-01-01\") > date(\"2025-01-01\")", "\"globex.com\"", " \"US\" , \"50\" ",
            "\"\"", "\"a\\\"b\"", "\"US\",\"CA\" or \"DE\"", "\"us\"", "starts with(lower case(?), \"u\")",
            "string length(?) > 1", "? > limit", "assert(?, ? != null) = ?", "no such function(?)", "< date(\"2026-13-45\")",
            "now() > date and time(\"2020-01-01T00:00:00@UTC\")", "count([?, limit]) = 2");
    private static final List<Object> VALUES = new ArrayList<>(List.of(5, 10, 49, 50, 99, 50L, 50.0, "US", "DE", "50",
            "globex.com", "", "a\"b", "us", " US"));

    static {
        VALUES.add(null);
    }

    @Test
    void unaryTestsAnswerAsCamundasEngineDoesForEveryValueAndTheSecondTimeToo() {
        for (int round = 0; round < 2; round++) {
            for (String test : TESTS) {
                for (Object value : VALUES) {
                    VariableContext variables = Variables.createVariables().putValue("cellInput", value)
                            .putValue("limit", 20).asVariableContext();
                    Object expected = answer(() -> camundas.evaluateSimpleUnaryTests(test, "cellInput", variables));
                    Object actual = answer(() -> remembering.evaluateSimpleUnaryTests(test, "cellInput", variables));
                    assertThat(actual).as("%s against %s (round %d)", test, value, round).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void expressionsAnswerAsCamundasEngineDoesAndAVariableIsReadEachTime() {
        for (String expression : List.of("score", " score ", "\"GOLD\"", "42", "score * 2", "null", "[1, 2]",
                "upper case(score)", "string(score) + \"!\"", "assert(score, score > 1)", "decimal(score, 1)",
                "if score > 2 then \"high\" else \"low\"", "{a: score}.a", "unknown(score)",
                "matches(string(score), \"(\")", "date(score)", "score.x.y", "sum([score, \"x\"])")) {
            for (Object score : List.of(1, 2, 2L, 3.5, "globex.com", "", "GOLD")) {
                VariableContext variables = Variables.createVariables().putValue("score", score).asVariableContext();
                assertThat(answer(() -> remembering.evaluateSimpleExpression(expression, variables)))
                        .as("%s with score %s", expression, score)
                        .isEqualTo(answer(() -> camundas.evaluateSimpleExpression(expression, variables)));
            }
        }
    }

    @Test
    void eachLeadsOwnCompanyIsComparedWithoutFeelAndNotKept() {
        RememberingFeelEngine engine = (RememberingFeelEngine) RememberingFeelEngine.factory().createInstance();
        for (int lead = 0; lead < 1_000; lead++) {
            VariableContext variables = Variables.createVariables().putValue("accountDomain", "company" + lead + ".com")
                    .asVariableContext();
            Object domain = engine.evaluateSimpleExpression("accountDomain", variables);
            VariableContext input = Variables.createVariables().putValue("cellInput", domain).asVariableContext();
            assertThat(engine.evaluateSimpleUnaryTests("\"globex.com\",\"initech.com\"", "cellInput", input)).isFalse();
            assertThat(engine.evaluateSimpleUnaryTests("\"company7.com\"", "cellInput", input)).isEqualTo(lead == 7);
        }
        assertThat(engine.remembered()).as("answers kept for inputs that never repeat").isZero();
    }

    @Test
    void aBrokenCellFailsEveryTimeAsCamundasEngineFails() {
        VariableContext variables = Variables.createVariables().putValue("x", 1).asVariableContext();
        for (int round = 0; round < 2; round++) {
            assertThatThrownBy(() -> remembering.evaluateSimpleUnaryTests(">= >=", "x", variables))
                    .hasMessageContaining("FEEL");
        }
    }

    @Test
    void manyThreadsGetTheSameAnswersAndTheMemoryStaysBounded() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<Boolean>> answers = new ArrayList<>();
        for (int i = 0; i < RememberingFeelEngine.REMEMBERED + 20_000; i++) {
            int value = i;
            answers.add(threads.submit(() -> remembering.evaluateSimpleUnaryTests(">= 50000", "v",
                    Variables.createVariables().putValue("v", value).asVariableContext())));
        }
        for (int i = 0; i < answers.size(); i++) {
            assertThat(answers.get(i).get()).as("value %d", i).isEqualTo(i >= 50_000);
        }
        threads.shutdown();
    }

    private static Object answer(java.util.function.Supplier<Object> evaluation) {
        try {
            return evaluation.get();
        } catch (RuntimeException e) {
            return "failed";
        }
    }
}
