package io.leadbridge.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * An index Camunda's schema lacks and Leadbridge's volume needs, added once the engine has
 * created its tables. Whenever a task ends (an offer withdrawn, accepted or declined, a contact
 * reported) the engine looks for the task's subtasks, {@code where PARENT_TASK_ID_ = ?}, and
 * {@code ACT_RU_TASK} has no index on that column: every task's end read every open task, 4% of
 * PostgreSQL's time in the sweep of 10,000 offers and growing with every open lead. Created
 * without blocking writes on PostgreSQL ({@code concurrently}), so a start on a large installation
 * does not stop other nodes; a start that finds it there does nothing.
 */
@Component
class EngineTableIndexes extends AbstractProcessEnginePlugin {

    static final String TASK_PARENT = "lb_idx_task_parent";

    private static final Logger log = LoggerFactory.getLogger(EngineTableIndexes.class);

    private final ObjectProvider<DataSource> dataSource;

    EngineTableIndexes(ObjectProvider<DataSource> dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        try (Connection connection = dataSource.getObject().getConnection();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            boolean postgres = connection.getMetaData().getDatabaseProductName().equalsIgnoreCase("PostgreSQL");
            statement.execute("create index " + (postgres ? "concurrently " : "") + "if not exists " + TASK_PARENT
                    + " on act_ru_task (parent_task_id_)");
        } catch (SQLException e) {
            // another node creating it at the same moment; the engine works without it, only slower
            log.warn("index {} on act_ru_task (parent_task_id_) not created: {}", TASK_PARENT, e.getMessage());
        }
    }
}
