package io.leadbridge.lifecycle;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.leadbridge.database.ConflictRetry;
import io.leadbridge.database.DatabaseProperties;
import io.leadbridge.lead.LeadEventLog;
import io.leadbridge.lead.LeadEventType;
import io.leadbridge.security.Caller;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DeadlockLoserDataAccessException;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The refusal event of a late update is written even when its own transaction loses a deadlock
 * (with the lead's mail job, say): it used to be lost, leaving only an ERROR in the log.
 */
class LateUpdatesTest {

    @Test
    void writesTheRefusalEventWhenItsFirstTransactionLosesADeadlock() {
        LeadEventLog events = mock(LeadEventLog.class);
        when(events.record(anyLong(), any(), any(), any(), any()))
                .thenThrow(new DeadlockLoserDataAccessException("deadlock", new SQLException("deadlock", "40P01")))
                .thenReturn(null);
        LateUpdates lateUpdates = new LateUpdates(events, mock(PlatformTransactionManager.class),
                new ConflictRetry(new DatabaseProperties(3, Duration.ZERO, null)));
        Caller rep = new Caller("rita", Set.of("partner-northwind"));

        lateUpdates.refused(42, rep, "accept", Instant.parse("2026-01-05T10:00:00Z"));

        verify(events, times(2)).record(eq(42L), eq(LeadEventType.LATE_UPDATE_REFUSED), eq("rita"), any(),
                anyString());
    }
}
