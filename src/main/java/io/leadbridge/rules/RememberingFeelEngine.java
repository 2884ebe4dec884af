package io.leadbridge.rules;

import camundajar.impl.scala.collection.immutable.Map.Map1;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import io.leadbridge.routing.TextCells;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.api.EvaluationFailure;
import org.camunda.feel.context.Context;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.context.FunctionProvider.CompositeFunctionProvider;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.impl.interpreter.BuiltinFunctions;
import org.camunda.feel.impl.interpreter.EvalContext;
import org.camunda.feel.impl.interpreter.EvalContext$;
import org.camunda.feel.impl.interpreter.FeelInterpreter;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValError;
import org.camunda.feel.syntaxtree.ValFatalError;

/**
 * Camunda's FEEL engine (the one the process engine ships), evaluating exactly as it does, but
 * remembering answers that cannot change. FEEL 1.19 builds its table of built-in functions anew
 * for every cell it evaluates (about 20 µs each; 38% of the routing jobs' time in
 * docs/benchmarks.md "Throughput — where the time goes"), so every lead paid it for every cell of
 * every table. Most cells are constants compared with the column's value ({@code >= 100},
 * {@code "CU","IR"}) or a plain variable ({@code score}): their answer depends only on the text
 * and that one value, and is kept. Cells that call functions ({@code now()}) or read other
 * variables are evaluated every time, by FEEL's interpreter, with one table of the built-in
 * functions built when this engine is made and shared by every evaluation. Parses are kept too.
 * Two answers are given without FEEL and without being kept, as their inputs seldom repeat
 * (every lead names its own company): a plain variable holding a text is that text, and a text
 * compared with a cell of plain string literals ({@code "globex.com"}) matches when it equals one
 * of them. Account protection compared each lead's domain that way.
 *
 * <p>Safe for many threads. At most {@value #REMEMBERED} answers are kept per kind; past that
 * they are forgotten all at once and remembered anew (continuous inputs such as rates repeat
 * seldom). The process engine uses one instance ({@link RuleDeploymentPlugin}); a what-if replay
 * uses one of its own.
 */
public final class RememberingFeelEngine extends ScalaFeelEngine {

    static final int REMEMBERED = 50_000;
    private static final Set<String> CONSTANT_WORDS = Set.of("true", "false", "null", "not");
    private static final Pattern PLAIN_VARIABLE = Pattern.compile("\\s*[A-Za-z_][A-Za-z0-9_]*\\s*");

    private record Key(String text, Object value) {
    }

    private final Map<String, Either<Failure, ParsedExpression>> parsedTests = new ConcurrentHashMap<>();
    private final Map<String, Either<Failure, ParsedExpression>> parsedExpressions = new ConcurrentHashMap<>();
    private final Map<String, Boolean> constantTests = new ConcurrentHashMap<>();
    private final Map<String, List<String>> stringLiterals = new ConcurrentHashMap<>();
    private final Map<Key, Boolean> tests = new ConcurrentHashMap<>();
    private final Map<Key, Object> expressions = new ConcurrentHashMap<>();
    /** FEEL's built-in functions and the engine's own, built once (FEEL builds them for every evaluation). */
    private final FunctionProvider functions;
    private final FeelInterpreter interpreter;

    private RememberingFeelEngine() {
        super(List.of());
        functions = new CompositeFunctionProvider(toScalaList(
                new BuiltinFunctions(feelEngine.clock(), feelEngine.valueMapper()), feelEngine.functionProvider()));
        interpreter = new FeelInterpreter(feelEngine.valueMapper());
    }

    /** A factory giving one engine, shared by everything that asks it. */
    public static FeelEngineFactory factory() {
        RememberingFeelEngine engine = new RememberingFeelEngine();
        return () -> engine;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
        Key key;
        if (isConstant(expression)) {
            key = new Key(expression, null);
        } else if (PLAIN_VARIABLE.matcher(expression).matches() && !CONSTANT_WORDS.contains(expression.trim())) {
            Object value = valueOf(variables, expression.trim());
            if (value instanceof String text) {
                return (T) text;  // FEEL reads a text variable as that text; names and domains seldom repeat
            }
            key = new Key(expression, value);
        } else {
            return (T) evaluateExpression(expression, variables);
        }
        Object known = expressions.get(key);
        if (known != null) {
            return (T) (known == NULL ? null : known);
        }
        Object value = evaluateExpression(expression, variables);
        remember(expressions, key, value == null ? NULL : value);
        return (T) value;
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variables) {
        Boolean constant = constantTests.computeIfAbsent(expression, FeelTexts::isConstant);
        if (!constant) {
            return evaluateTests(expression, inputVariable, variables);
        }
        Object input = valueOf(variables, inputVariable);
        if (input instanceof String text) {
            List<String> literals = stringLiterals.computeIfAbsent(expression, TextCells::listed);
            if (!literals.isEmpty()) {
                return literals.contains(text);
            }
        }
        Key key = new Key(expression, input);
        Boolean known = tests.get(key);
        if (known == null) {
            known = evaluateTests(expression, inputVariable, variables);
            remember(tests, key, known);
        }
        return known;
    }

    /** What the engine itself does for an expression, with the parse kept. */
    private Object evaluateExpression(String expression, VariableContext variables) {
        CustomContext context = new CustomContext() {
            @Override
            public VariableProvider variableProvider() {
                return new ContextVariableWrapper(variables);
            }
        };
        Either<Failure, ParsedExpression> parsed = parsedExpressions.computeIfAbsent(expression,
                feelEngine::parseExpression);
        return resultOf(parsed instanceof Left<Failure, ParsedExpression> failed ? new Left<>(failed.value())
                : evaluate(parsed.toOption().get(), context));
    }

    /** What the engine itself does for the unary tests of an input entry, with the parse kept. */
    private boolean evaluateTests(String expression, String inputVariable, VariableContext variables) {
        StaticVariableProvider input = new StaticVariableProvider(new Map1<>(INPUT_VARIABLE_NAME, inputVariable));
        ContextVariableWrapper wrapped = new ContextVariableWrapper(variables);
        CustomContext context = new CustomContext() {
            @Override
            public VariableProvider variableProvider() {
                return new CompositeVariableProvider(toScalaList(input, wrapped));
            }
        };
        Either<Failure, ParsedExpression> parsed = parsedTests.computeIfAbsent(expression,
                feelEngine::parseUnaryTests);
        return BoxesRunTime.unboxToBoolean(resultOf(parsed instanceof Left<Failure, ParsedExpression> failed
                ? new Left<>(failed.value()) : evaluate(parsed.toOption().get(), context)));
    }

    /**
     * What {@code FeelEngine.eval} answers for a parsed (and so validated) expression, without building
     * FEEL's table of built-in functions for it: that table is built once, here, and shared, as it
     * never changes. The rest is FEEL's own evaluation: its interpreter, its failures, its assertions.
     */
    private Either<Failure, Object> evaluate(ParsedExpression parsed, Context context) {
        try {
            EvalContext evaluation = EvalContext$.MODULE$.create(feelEngine.valueMapper(), functions).merge(context);
            Val value = interpreter.eval(parsed.expression(), evaluation);
            String assertion = failedAssertion(evaluation);
            if (assertion != null) {
                return new Left<>(new Failure("Assertion failure on evaluate the expression '" + parsed.text() + "': "
                        + assertion));
            }
            String error = value instanceof ValError failed ? failed.error()
                    : value instanceof ValFatalError fatal ? fatal.error() : null;
            if (error != null) {
                return new Left<>(new Failure("failed to evaluate expression '" + parsed.text() + "': " + error));
            }
            return new Right<>(feelEngine.valueMapper().unpackVal(value));
        } catch (RuntimeException e) {
            return new Left<>(new Failure("failed to evaluate expression '" + parsed.text() + "' : " + e));
        }
    }

    /** The message of the first failed {@code assert} of the evaluation, or null. */
    private static String failedAssertion(EvalContext evaluation) {
        var failures = evaluation.failureCollector().failures().iterator();
        while (failures.hasNext()) {
            EvaluationFailure failure = failures.next();
            if ("ASSERT_FAILURE".equals(failure.failureType().toString())) {
                return failure.failureMessage();
            }
        }
        return null;
    }

    /** How many answers are kept now. */
    int remembered() {
        return tests.size() + expressions.size();
    }

    private static Object resultOf(Either<Failure, Object> result) {
        if (result instanceof Left<Failure, Object> failed) {
            throw LOGGER.evaluationException(failed.value().message());
        }
        return result.toOption().get();
    }

    private static Object valueOf(VariableContext variables, String name) {
        TypedValue value = variables.resolve(name);
        Object plain = value == null ? null : value.getValue();
        return plain instanceof Object[] array ? Arrays.asList(array) : plain;
    }

    static boolean isConstant(String text) {
        return FeelTexts.isConstant(text);
    }

    /** A null answer, as a map of answers cannot hold null. */
    private static final Object NULL = new Object();

    private static <V> void remember(Map<Key, V> answers, Key key, V answer) {
        if (answers.size() >= REMEMBERED) {
            answers.clear();
        }
        answers.put(key, answer);
    }
}
