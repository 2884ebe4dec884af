package io.leadbridge.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Camunda keeps two things per JVM rather than per Spring context: the engine that
 * {@code /engine-rest} serves (the one registered as "default") and the engine that
 * camunda-bpm-assert checks. Several test contexts live side by side in one test run, so before
 * each test this binds both to the engine of that test's own context.
 */
public class EngineBinding implements BeforeEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        ProcessEngine engine = SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class);
        ProcessEngines.registerProcessEngine(engine);
        AbstractAssertions.init(engine);
    }
}
