package io.leadbridge.config;

import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The time Leadbridge records on leads, events and SLAs. It is the process engine's clock, so
 * an SLA due time written on a lead and the timer that enforces it always agree, also when a
 * test moves the engine's clock forward.
 */
@Component
public class LeadClock {

    public Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
