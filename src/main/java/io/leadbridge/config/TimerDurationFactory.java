package io.leadbridge.config;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Names the XML duration factory once, before the engine starts. Camunda works out every timer's
 * due date (reminders, SLAs, withdrawals, status update cycles) with a new
 * {@code DatatypeFactory}, and the JDK, unless a system property names the factory, looks for one
 * by scanning every jar of the class path for a service file each time: about 2% of the job
 * threads' time in the throughput benchmark, to find the same factory every time. The property is
 * set to the factory that lookup finds now, so nothing changes but the scan; a property an operator
 * set stays as it is.
 */
@Component
class TimerDurationFactory extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(TimerDurationFactory.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY) != null) {
            return;
        }
        try {
            String factory = DatatypeFactory.newInstance().getClass().getName();
            System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, factory);
            log.debug("timer durations: {} named as {}", factory, DatatypeFactory.DATATYPEFACTORY_PROPERTY);
        } catch (DatatypeConfigurationException e) {
            log.warn("no XML duration factory found now; the engine looks for one with each timer", e);
        }
    }
}
