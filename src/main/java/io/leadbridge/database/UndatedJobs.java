package io.leadbridge.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Gives a due date (now) to every job that has none, once the engine has started. The engine
 * dates every job it creates ({@code ensureJobDueDateNotNull}) and its acquisition then asks only
 * for {@code DUEDATE_ <= now}, so a job an earlier version left undated (an asynchronous step
 * waiting when the installation was upgraded) would never run. Such jobs are taken first, as they
 * waited longest.
 */
@Component
class UndatedJobs extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(UndatedJobs.class);

    private final ObjectProvider<DataSource> dataSource;

    UndatedJobs(ObjectProvider<DataSource> dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        if (!engine.getProcessEngineConfiguration().isEnsureJobDueDateNotNull()) {
            return;
        }
        try (Connection connection = dataSource.getObject().getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "update act_ru_job set duedate_ = ? where duedate_ is null")) {
            connection.setAutoCommit(true);
            update.setTimestamp(1, new Timestamp(ClockUtil.getCurrentTime().getTime()));
            int dated = update.executeUpdate();
            if (dated > 0) {
                log.info("{} jobs without a due date (left by an earlier version) dated now, so that they run", dated);
            }
        } catch (SQLException e) {
            log.error("jobs without a due date could not be dated and will not run until they are: {}",
                    e.getMessage());
        }
    }
}
