package io.leadbridge.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a process model deployed by a business analyst may hold: Leadbridge's own processes pass;
 * scripts, Java classes, connectors, foreign beans, property access and other method calls are
 * each named by element.
 */
class ProcessExpressionsTest {

    /** Beans as the application has them: its delegates, and Camunda's services. */
    private static final Set<String> LEADBRIDGE_BEANS = Set.of("offerLeadDelegate", "offeredPartnerList",
            "statusUpdateCycles", "opportunityOnForm", "repAcceptCycles");
    private static final Set<String> OTHER_BEANS = Set.of("runtimeService", "processEngine", "dataSource");

    private final ProcessExpressions expressions = new ProcessExpressions(
            name -> LEADBRIDGE_BEANS.contains(name) || OTHER_BEANS.contains(name), LEADBRIDGE_BEANS::contains,
            Set.of("offeredPartnerList.of", "statusUpdateCycles.of", "opportunityOnForm.of", "repAcceptCycles.of"));

    @ParameterizedTest
    @ValueSource(strings = {"lead-lifecycle.bpmn", "partner-standing.bpmn", "support-request.bpmn",
            "customer-contact-check.bpmn", "webhook-delivery.bpmn", "deal-registration.bpmn"})
    void theApplicationsOwnProcessesPass(String file) {
        assertThat(expressions.problems(DecisionFilesTest.table(file).getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            script task          | <scriptTask id="Task_Evil" scriptFormat="groovy"><script>"touch /tmp/x".execute()</script></scriptTask> | scriptTask 'Task_Evil': a scriptTask runs code
            Java class           | <serviceTask id="Task_Evil" camunda:class="java.lang.Runtime" />                                          | serviceTask 'Task_Evil': camunda:class names code to run
            script listener      | <serviceTask id="Task_Evil" camunda:delegateExpression="${offerLeadDelegate}"><extensionElements><camunda:executionListener event="start"><camunda:script scriptFormat="javascript">java.lang.Runtime.getRuntime()</camunda:script></camunda:executionListener></extensionElements></serviceTask> | a script runs code
            foreign bean         | <serviceTask id="Task_Evil" camunda:delegateExpression="${runtimeService}" />                              | serviceTask 'Task_Evil' camunda:delegateExpression "${runtimeService}": names runtimeService, which is not one of Leadbridge's delegates
            method call          | <serviceTask id="Task_Evil" camunda:expression="${offerLeadDelegate.execute(null)}" />                     | calls offerLeadDelegate.execute(), which is not one of the calls allowed
            class via string     | <serviceTask id="Task_Evil" camunda:expression="${''.getClass().forName('java.lang.Runtime')}" />         | serviceTask 'Task_Evil' camunda:expression
            property access      | <serviceTask id="Task_Evil" camunda:expression="${processEngine.identityService}" />                      | uses processEngine.identityService
            function             | <userTask id="Task_Evil" camunda:assignee="${currentUser()}" />                                          | uses currentUser()
            connector            | <serviceTask id="Task_Evil"><extensionElements><camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector></extensionElements></serviceTask> | a connector runs code
            """)
    void codeInAProcessIsNamedByElement(String what, String element, String expected) {
        List<String> problems = expressions.problems(process(element).getBytes(StandardCharsets.UTF_8));

        assertThat(problems).as(what).anySatisfy(p -> assertThat(p).contains(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<serviceTask id=\"Task_Offer\" camunda:delegateExpression=\"${offerLeadDelegate}\" />",
            "<userTask id=\"Task_Accept\" camunda:assignee=\"${repUsername}\" camunda:candidateGroups=\"partner-${partnerId}\" />",
            "<userTask id=\"Task_Accept\"><multiInstanceLoopCharacteristics camunda:collection=\"${offeredPartnerList.of(offeredPartners)}\" camunda:elementVariable=\"competitor\" /></userTask>"})
    void plainReferencesPass(String element) {
        assertThat(expressions.problems(process(element).getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    private static String process(String element) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                             xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                             id="Definitions_Evil" targetNamespace="https://leadbridge.io/processes">
                  <process id="evil" isExecutable="true" camunda:historyTimeToLive="1">
                    <startEvent id="StartEvent_Go" />
                    %s
                  </process>
                </definitions>
                """.formatted(element).strip();
    }
}
