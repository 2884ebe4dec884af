package io.leadbridge.database;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Lets the PostgreSQL driver send a batch of inserts as one multi-row insert
 * ({@code reWriteBatchedInserts}). The process engine flushes a lead's step as batches, one per
 * table: its variables, their history, the decision tables' inputs and outputs, the activity
 * history; without the rewrite the driver still sends each row as a statement of its own.
 * Camunda does not count the rows of inserts (since 7.13), so it needs no answer per row.
 * Left alone when the URL or {@code spring.datasource.hikari.data-source-properties} already say
 * otherwise, and for any other database (H2 refuses settings it does not know).
 */
@Component
class PostgresBatchedInserts implements BeanPostProcessor {

    static final String SETTING = "reWriteBatchedInserts";

    private static final Logger log = LoggerFactory.getLogger(PostgresBatchedInserts.class);

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && appliesTo(pool)) {
            pool.addDataSourceProperty(SETTING, "true");
            log.info("PostgreSQL: batched inserts sent as multi-row inserts ({}=true)", SETTING);
        }
        return bean;
    }

    private static boolean appliesTo(HikariDataSource pool) {
        String url = pool.getJdbcUrl();
        return url != null && url.startsWith("jdbc:postgresql:")
                && !url.toLowerCase().contains(SETTING.toLowerCase())
                && !pool.getDataSourceProperties().containsKey(SETTING);
    }
}
