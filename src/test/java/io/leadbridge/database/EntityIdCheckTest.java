package io.leadbridge.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.leadbridge.support.LeadbridgeTest;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's id check before an insert: the same rule and the same message as Camunda's, but
 * the row is not turned into text unless its id fails the check.
 */
@LeadbridgeTest
class EntityIdCheckTest {

    @Autowired ProcessEngineConfigurationImpl engine;

    @Test
    void theEngineInsertsThroughTheCheckingEntityManager() {
        DbEntityManager manager = engine.getCommandExecutorTxRequired()
                .execute(context -> context.getDbEntityManager());

        assertThat(manager).isInstanceOf(EntityIdCheck.CheckingEntityManager.class);
    }

    @Test
    void aRowWithAValidIdIsNotTurnedIntoText() {
        Row camundas = new Row("lead-42");
        new DbEntityManager(new StrongUuidGenerator(), null).insert(camundas);
        Row ours = new Row("lead-42");
        checking().insert(ours);

        assertThat(camundas.described).as("Camunda's check writes its message first").isEqualTo(1);
        assertThat(ours.described).isZero();
    }

    @Test
    void aRowWithoutAnIdGetsOneAndIsNotTurnedIntoText() {
        Row row = new Row(null);
        checking().insert(row);

        assertThat(row.getId()).isNotBlank();
        assertThat(row.described).isZero();
    }

    @Test
    void theReservedIdIsRefusedWithCamundasMessage() {
        DbEntityManager camundasManager = new DbEntityManager(new StrongUuidGenerator(), null);
        Throwable camundas = catchThrowable(() -> camundasManager.insert(new Row("*")));

        assertThatThrownBy(() -> checking().insert(new Row("*")))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessage(camundas.getMessage())
                .hasMessageContaining("Entity row * has an invalid id")
                .hasMessageContaining("cannot be *");
    }

    @Test
    void aMissingIdIsRefusedWithCamundasMessage() {
        EntityIdCheck.CheckingEntityManager manager = checking();

        assertThatThrownBy(() -> manager.validateId(new Row(null)))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Entity row null has an invalid id")
                .hasMessageContaining("id is null");
    }

    private static EntityIdCheck.CheckingEntityManager checking() {
        return new EntityIdCheck.CheckingEntityManager(new StrongUuidGenerator(), null);
    }

    /** A row that counts how often it is turned into text. */
    static final class Row implements DbEntity {

        private String id;
        int described;

        Row(String id) {
            this.id = id;
        }

        @Override
        public String getId() {
            return id;
        }

        @Override
        public void setId(String id) {
            this.id = id;
        }

        @Override
        public Object getPersistentState() {
            return id;
        }

        @Override
        public String toString() {
            described++;
            return "row " + id;
        }
    }
}
