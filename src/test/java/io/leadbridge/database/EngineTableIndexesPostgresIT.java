package io.leadbridge.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.support.PostgresTest;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.reflection.MetaObject;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;
import org.camunda.bpm.engine.impl.persistence.entity.JobManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On PostgreSQL the engine's most frequent look-ups on its busiest tables find their rows through
 * an index instead of reading the whole table.
 */
@PostgresTest
class EngineTableIndexesPostgresIT {

    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired ProcessEngine engine;
    @Autowired EngineTableIndexes indexes;

    @Test
    void theIndexesAreCreatedAndValid() {
        assertThat(jdbc.sql("""
                select c.relname, i.indisvalid from pg_index i join pg_class c on c.oid = i.indexrelid
                where c.relname like 'lb_idx_%' order by c.relname""").query().listOfRows())
                .extracting(row -> row.get("relname") + "=" + row.get("indisvalid"))
                .contains(EngineTableIndexes.TASK_PARENT + "=true", EngineTableIndexes.JOB_DUE + "=true",
                        EngineTableIndexes.JOB_LOCKED + "=true");
    }

    /** A start interrupted while building an index leaves it invalid; the next start builds it again. */
    @Test
    void anIndexLeftHalfBuiltIsBuiltAgain() {
        jdbc.sql("update pg_index set indisvalid = false where indexrelid = :name::regclass")
                .param("name", EngineTableIndexes.JOB_DUE).update();

        indexes.postProcessEngineBuild(engine);

        assertThat(jdbc.sql("""
                select i.indisvalid from pg_index i join pg_class c on c.oid = i.indexrelid
                where c.relname = :name""").param("name", EngineTableIndexes.JOB_DUE).query(Boolean.class).list())
                .containsExactly(true);
    }

    @Test
    void theSubtaskLookUpUsesTheIndex() {
        List<Map<String, Object>> plan = transactions.execute(tx -> {
            jdbc.sql("set local enable_seqscan = off").update();
            return jdbc.sql("explain select * from act_ru_task where parent_task_id_ = 'some-task'").query()
                    .listOfRows();
        });
        assertThat(plan.toString()).contains(EngineTableIndexes.TASK_PARENT);
    }

    /**
     * The job executor's acquisition, the statement exactly as the engine's mapping writes it, on a
     * table holding what thousands of open leads leave there: SLA timers not yet due, some due,
     * a few locked. Planned on the table's real statistics, it walks the due jobs oldest first
     * through the due date index (no sort of all due jobs) and finds the locked ones through theirs,
     * never reading the whole table.
     */
    @Test
    void jobAcquisitionReadsOnlyDueAndLockedJobs() {
        String plan = transactions.execute(tx -> {
            jdbc.sql("""
                    insert into act_ru_job (id_, rev_, type_, exclusive_, execution_id_, process_instance_id_,
                        retries_, duedate_, handler_type_, suspension_state_, create_time_, lock_owner_,
                        lock_exp_time_)
                    select 'lb-test-job-' || n, 1, 'timer', true, 'lb-test-execution-' || n,
                        'lb-test-instance-' || n, 3,
                        case when n % 200 = 0 then now() - interval '1 minute' else now() + interval '2 days' end,
                        'timer-transition', 1, now(),
                        case when n % 1000 = 0 then 'some-node' end,
                        case when n % 1000 = 0 then now() + interval '1 minute' end
                    from generate_series(1, 20000) n""").update();
            jdbc.sql("analyze act_ru_job").update();
            String explained = explainAcquisition();
            tx.setRollbackOnly();
            return explained;
        });
        assertThat(plan).contains("Index Scan using " + EngineTableIndexes.JOB_DUE, EngineTableIndexes.JOB_LOCKED)
                .doesNotContain("Seq Scan", "Sort");
    }

    /** {@code explain} of the statement {@code JobManager.findNextJobsToExecute} runs, eight jobs at a time. */
    private String explainAcquisition() {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("now", new Date());
        parameters.put("alwaysSetDueDate", configuration.isEnsureJobDueDateNotNull());
        parameters.put("deploymentAware", configuration.isJobExecutorDeploymentAware());
        parameters.put("historyCleanupEnabled", configuration.isHistoryCleanupEnabled());
        List<QueryOrderingProperty> ordering = new ArrayList<>();
        if (configuration.isJobExecutorAcquireByPriority()) {
            ordering.add(JobManager.JOB_PRIORITY_ORDERING_PROPERTY);
        }
        if (configuration.isJobExecutorPreferTimerJobs()) {
            ordering.add(JobManager.JOB_TYPE_ORDERING_PROPERTY);
        }
        if (configuration.isJobExecutorAcquireByDueDate()) {
            ordering.add(JobManager.JOB_DUEDATE_ORDERING_PROPERTY);
        }
        parameters.put("orderingProperties", ordering);
        parameters.put("applyOrdering", !ordering.isEmpty());
        parameters.put("applyExclusiveOverProcessHierarchies",
                configuration.isJobExecutorAcquireExclusiveOverProcessHierarchies());
        ListQueryParameterObject query = new ListQueryParameterObject(parameters, 0, 8);

        Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
        MappedStatement statement = mybatis.getMappedStatement(
                configuration.getDbSqlSessionFactory().mapStatement("selectNextJobsToExecute"));
        BoundSql sql = statement.getBoundSql(query);
        MetaObject values = mybatis.newMetaObject(query);
        List<Object> arguments = new ArrayList<>();
        for (ParameterMapping mapping : sql.getParameterMappings()) {
            String property = mapping.getProperty();
            arguments.add(sql.hasAdditionalParameter(property) ? sql.getAdditionalParameter(property)
                    : values.getValue(property));
        }
        return String.join("\n", jdbc.sql("explain " + sql.getSql()).params(arguments).query(String.class).list());
    }
}
