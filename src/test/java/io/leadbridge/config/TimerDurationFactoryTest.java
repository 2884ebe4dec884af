package io.leadbridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.support.LeadbridgeTest;
import javax.xml.datatype.DatatypeFactory;
import org.junit.jupiter.api.Test;

/** The engine's timers find their duration factory by name, not by scanning the class path each time. */
@LeadbridgeTest
class TimerDurationFactoryTest {

    @Test
    void theFactoryTheLookupFindsIsNamedOnceTheEngineRuns() throws Exception {
        assertThat(System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY))
                .isEqualTo(DatatypeFactory.newInstance().getClass().getName())
                .isEqualTo(DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
    }
}
