package io.leadbridge.config;

import java.util.Optional;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.auditing.DateTimeProvider;
import org.springframework.data.jdbc.repository.config.EnableJdbcAuditing;
import org.springframework.data.relational.core.mapping.RelationalMappingContext;

/**
 * Spring Data JDBC for the plain tables: the {@code @CreatedDate} and {@code @LastModifiedDate}
 * it writes come from {@link LeadClock}, the engine's clock, as every other time Leadbridge
 * records does (so a test that moves the engine's clock moves these too).
 *
 * <p>Table and column names are not quoted, as in the hand-written SQL and the Flyway scripts:
 * each database folds them to its own case (H2 to upper, PostgreSQL to lower), so
 * {@code @Column("rep_username")} finds the column on both.
 */
@Configuration(proxyBeanMethods = false)
@EnableJdbcAuditing(dateTimeProviderRef = "leadClockTimes")
class DataJdbcConfig {

    @Bean
    static BeanPostProcessor unquotedTableAndColumnNames() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof RelationalMappingContext mapping) {
                    mapping.setForceQuote(false);
                }
                return bean;
            }
        };
    }

    @Bean
    DateTimeProvider leadClockTimes(LeadClock clock) {
        return () -> Optional.of(clock.now());
    }
}
