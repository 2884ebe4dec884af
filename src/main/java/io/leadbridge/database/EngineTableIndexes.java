package io.leadbridge.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Indexes Camunda's schema lacks and Leadbridge's volume needs, added once the engine has created
 * its tables. Created without blocking writes on PostgreSQL ({@code concurrently}), so a start on a
 * large installation does not stop other nodes; a start that finds them there does nothing, and one
 * that finds one left invalid by an interrupted start (PostgreSQL keeps such a half-built index, and
 * {@code if not exists} would take it as there) builds it again.
 * <ul>
 * <li>{@value #TASK_PARENT}: whenever a task ends (an offer withdrawn, accepted or declined, a
 * contact reported) the engine looks for the task's subtasks, {@code where PARENT_TASK_ID_ = ?};
 * without it every task's end read every open task, 4% of PostgreSQL's time in the sweep of
 * 10,000 offers and growing with every open lead.</li>
 * <li>{@value #JOB_DUE} and {@value #JOB_LOCKED}: the job executor's acquisition asks for the due
 * jobs, oldest first ({@code DUEDATE_ <= now order by DUEDATE_}; every job is dated, see
 * {@link UndatedJobs}), of instances with no job locked at the moment
 * ({@code LOCK_OWNER_ is not null}). Every open lead has its SLA timers in {@code ACT_RU_JOB}, all
 * of them not yet due, and without these two indexes each acquisition read the whole table twice:
 * 13 ms at 32,000 jobs against 0.3 ms with them, and the busiest statement of the sweep of 10,000
 * offers. Only a handful of jobs are locked at any time, so the second is partial (PostgreSQL).</li>
 * </ul>
 */
@Component
class EngineTableIndexes extends AbstractProcessEnginePlugin {

    static final String TASK_PARENT = "lb_idx_task_parent";
    static final String JOB_DUE = "lb_idx_job_due";
    static final String JOB_LOCKED = "lb_idx_job_locked";

    private static final Logger log = LoggerFactory.getLogger(EngineTableIndexes.class);

    /** One index: its name, what it covers, and whether the embedded database can have it. */
    private record EngineIndex(String name, String on, boolean embeddedToo) {
    }

    private static final List<EngineIndex> INDEXES = List.of(
            new EngineIndex(TASK_PARENT, "act_ru_task (parent_task_id_)", true),
            new EngineIndex(JOB_DUE, "act_ru_job (duedate_)", true),
            // H2 has no partial indexes; the embedded database never holds many jobs
            new EngineIndex(JOB_LOCKED, "act_ru_job (process_instance_id_) where lock_owner_ is not null", false));

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
            for (EngineIndex index : INDEXES) {
                if (postgres || index.embeddedToo()) {
                    create(statement, index, postgres);
                }
            }
        } catch (SQLException e) {
            log.warn("indexes on the engine's tables not created: {}", e.getMessage());
        }
    }

    private static void create(Statement statement, EngineIndex index, boolean postgres) {
        try {
            if (postgres && leftInvalid(statement, index)) {
                log.warn("index {} was left half-built by an interrupted start; building it again", index.name());
                statement.execute("drop index concurrently if exists " + index.name());
            }
            statement.execute("create index " + (postgres ? "concurrently " : "") + "if not exists " + index.name()
                    + " on " + index.on());
        } catch (SQLException e) {
            // another node creating it at the same moment; the engine works without it, only slower
            log.warn("index {} on {} not created: {}", index.name(), index.on(), e.getMessage());
        }
    }

    private static boolean leftInvalid(Statement statement, EngineIndex index) throws SQLException {
        try (ResultSet rows = statement.executeQuery("select i.indisvalid from pg_index i join pg_class c"
                + " on c.oid = i.indexrelid where c.relname = '" + index.name() + "'")) {
            return rows.next() && !rows.getBoolean(1);
        }
    }
}
