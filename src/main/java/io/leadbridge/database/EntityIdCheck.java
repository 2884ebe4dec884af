package io.leadbridge.database;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManagerFactory;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The engine checks the id of every row it inserts (not null, not the reserved {@code *}), and
 * Camunda 7.24 writes the check's error message before it checks: {@code "Entity " + row}, the
 * row's {@code toString()} with all its fields. For a lead that is some 130 rows (variables and
 * their history, steps, decision inputs and outputs) and 5% of the intake's CPU, for a message
 * that is thrown away (docs/benchmarks.md "Throughput"). The engine's entity manager here makes
 * the same check and writes the same message only when the id fails it.
 *
 * <p>Left alone, with a warning, when something else has replaced the engine's entity manager.
 */
@Component
class EntityIdCheck extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(EntityIdCheck.class);

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        SessionFactory current = configuration.getSessionFactories().get(DbEntityManager.class);
        if (current == null || current.getClass() != DbEntityManagerFactory.class) {
            log.warn("the engine's entity manager is {}, not Camunda's: its id check is left as it is", current);
            return;
        }
        EntityManagers checking = new EntityManagers(configuration.getIdGenerator());
        configuration.getSessionFactories().put(DbEntityManager.class, checking);
    }

    /** Opens a {@link CheckingEntityManager} for each command, where Camunda's factory opens its own. */
    static class EntityManagers extends DbEntityManagerFactory {

        EntityManagers(IdGenerator idGenerator) {
            super(idGenerator);
        }

        @Override
        public DbEntityManager openSession() {
            PersistenceSession persistence = Context.getCommandContext().getSession(PersistenceSession.class);
            return new CheckingEntityManager(idGenerator, persistence);
        }
    }

    /** Camunda's entity manager, with the id check's message written only for an id that fails. */
    static class CheckingEntityManager extends DbEntityManager {

        CheckingEntityManager(IdGenerator idGenerator, PersistenceSession persistence) {
            super(idGenerator, persistence);
        }

        @Override
        protected void validateId(DbEntity row) {
            String id = row.getId();
            if (id == null || Authorization.ANY.equals(id)) {
                super.validateId(row);
            }
        }
    }
}
