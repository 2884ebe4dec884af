package io.leadbridge.rules;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.spi.el.DmnScriptEngineResolver;
import org.camunda.bpm.dmn.engine.impl.spi.el.ElProvider;

/**
 * A DMN engine configuration that evaluates FEEL and cannot evaluate anything else: JUEL and
 * scripts are refused when an expression asks for them. The deployment check already refuses
 * such files; this holds even if a check were missed. The replay's engine and the process
 * engine's own DMN engine are built from it.
 */
public final class FeelOnlyDmnEngine {

    private static final String FEEL = DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE;

    private FeelOnlyDmnEngine() {
    }

    /** A new configuration of a standalone engine (the replay's). */
    public static DefaultDmnEngineConfiguration configuration() {
        return restrict((DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration());
    }

    /** The given configuration, made FEEL only. */
    public static DefaultDmnEngineConfiguration restrict(DefaultDmnEngineConfiguration configuration) {
        ElProvider noJuel = expression -> {
            throw new IllegalStateException("Leadbridge evaluates decision tables in FEEL only; JUEL is refused");
        };
        DmnScriptEngineResolver noScripts = language -> {
            throw new IllegalStateException("Leadbridge evaluates decision tables in FEEL only; "
                    + language + " is refused");
        };
        return configuration.elProvider(noJuel).scriptEngineResolver(noScripts)
                .defaultInputExpressionExpressionLanguage(FEEL)
                .defaultInputEntryExpressionLanguage(FEEL)
                .defaultOutputEntryExpressionLanguage(FEEL)
                .defaultLiteralExpressionLanguage(FEEL);
    }
}
