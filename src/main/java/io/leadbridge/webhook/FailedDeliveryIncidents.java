package io.leadbridge.webhook;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.Incident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the delivery log in step with Cockpit: when the last retry of "Deliver webhook" fails,
 * Camunda raises its usual failed external task incident and the delivery becomes FAILED; when
 * someone retries it (Cockpit, or {@code setRetries} on the external task), the incident is
 * resolved and the delivery is PENDING again. Failed-job incidents are watched the same way, for
 * deliveries started by the earlier model whose step was a job ({@link DeliverWebhookDelegate}).
 * Incidents of every other process are handled exactly as Camunda does by default.
 */
@Component
class FailedDeliveryIncidents extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(FailedDeliveryIncidents.class);

    private final WebhookDeliveryRepository deliveries;

    FailedDeliveryIncidents(WebhookDeliveryRepository deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<IncidentHandler> handlers = configuration.getCustomIncidentHandlers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomIncidentHandlers());
        handlers.add(new DeliveryIncidentHandler(Incident.EXTERNAL_TASK_HANDLER_TYPE));
        handlers.add(new DeliveryIncidentHandler(Incident.FAILED_JOB_HANDLER_TYPE));
        configuration.setCustomIncidentHandlers(handlers);
    }

    /** Camunda's default handler for one incident type, which also keeps the delivery log in step. */
    private final class DeliveryIncidentHandler implements IncidentHandler {

        private final DefaultIncidentHandler camundaDefault;

        DeliveryIncidentHandler(String type) {
            this.camundaDefault = new DefaultIncidentHandler(type);
        }

        @Override
        public String getIncidentHandlerType() {
            return camundaDefault.getIncidentHandlerType();
        }

        @Override
        public Incident handleIncident(IncidentContext context, String message) {
            Incident incident = camundaDefault.handleIncident(context, message);
            String deliveryId = deliveryId(context);
            if (deliveryId != null) {
                deliveries.markStatus(deliveryId, DeliveryStatus.FAILED);
                log.warn("webhook delivery {}: last retry failed, incident raised: {}", deliveryId, message);
            }
            return incident;
        }

        @Override
        public void resolveIncident(IncidentContext context) {
            camundaDefault.resolveIncident(context);
            String deliveryId = deliveryId(context);
            if (deliveryId != null) {
                deliveries.markStatus(deliveryId, DeliveryStatus.PENDING);
                log.info("webhook delivery {}: retried after its incident", deliveryId);
            }
        }

        @Override
        public void deleteIncident(IncidentContext context) {
            camundaDefault.deleteIncident(context);
        }
    }

    /**
     * The delivery whose "Deliver webhook" step the incident is about (the delivery process has no
     * other step that could fail), or null for any other process. A retry's context names the
     * execution but not always the activity.
     */
    private static String deliveryId(IncidentContext context) {
        if (context.getExecutionId() == null) {
            return null;
        }
        ExecutionEntity execution = Context.getCommandContext().getExecutionManager()
                .findExecutionById(context.getExecutionId());
        if (execution == null
                || !WebhookVariables.PROCESS_KEY.equals(execution.getProcessDefinition().getKey())) {
            return null;
        }
        return execution.getProcessBusinessKey();
    }
}
