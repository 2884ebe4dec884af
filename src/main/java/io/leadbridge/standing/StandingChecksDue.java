package io.leadbridge.standing;

import io.leadbridge.config.LeadClock;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The partners whose strikes wait for "Determine standing" ({@code standing_check_due}): one row
 * per partner while a standing check is due. A strike adds itself to the row, or creates it and
 * then starts the check; the check takes the row away, in a transaction of its own, before it
 * reads the partner's record. So every strike is judged by a check that reads it: a strike
 * committed before the row was taken is in the record the check reads (taking the row waits for
 * a strike that holds it), and one that finds no row starts a check of its own.
 */
@Repository
class StandingChecksDue {

    private static final String ADD_ON_POSTGRES = """
            insert into standing_check_due (partner_id, strikes, first_strike_at) values (:partner, :strikes, :now)
            on conflict (partner_id) do update set strikes = standing_check_due.strikes + excluded.strikes
            returning strikes""";

    private final JdbcClient jdbc;
    private final LeadClock clock;
    private final TransactionTemplate ownTransaction;
    private final boolean postgres;

    StandingChecksDue(JdbcClient jdbc, LeadClock clock, PlatformTransactionManager transactions,
            DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        try (Connection connection = dataSource.getConnection()) {
            this.postgres = connection.getMetaData().getDatabaseProductName().equalsIgnoreCase("PostgreSQL");
        }
    }

    /**
     * Adds strikes to the partner's waiting check, in the caller's transaction (the row stays locked
     * until it commits, so call it just before).
     *
     * @return whether no check was due: the caller starts one
     */
    boolean add(String partnerId, int strikes) {
        if (postgres) {
            Integer waiting = jdbc.sql(ADD_ON_POSTGRES).param("partner", partnerId).param("strikes", strikes)
                    .param("now", Timestamp.from(clock.now())).query(Integer.class).single();
            return waiting == strikes;
        }
        // H2 (the embedded default, one node): its merge cannot tell an insert from an update.
        if (addToWaiting(partnerId, strikes)) {
            return false;
        }
        try {
            jdbc.sql("""
                    insert into standing_check_due (partner_id, strikes, first_strike_at)
                    values (:partner, :strikes, :now)""")
                    .param("partner", partnerId).param("strikes", strikes).param("now", Timestamp.from(clock.now()))
                    .update();
            return true;
        } catch (DuplicateKeyException another) {
            return !addToWaiting(partnerId, strikes);
        }
    }

    /**
     * Takes the partner's waiting strikes for the check about to judge them, and commits at once,
     * so that strikes recorded while the check runs start the next one.
     *
     * @return how many strikes waited (0 when another check took them)
     */
    int take(String partnerId) {
        Integer waiting = ownTransaction.execute(status -> {
            Integer strikes = jdbc.sql("select strikes from standing_check_due where partner_id = :partner for update")
                    .param("partner", partnerId).query(Integer.class).optional().orElse(0);
            jdbc.sql("delete from standing_check_due where partner_id = :partner").param("partner", partnerId)
                    .update();
            return strikes;
        });
        return waiting == null ? 0 : waiting;
    }

    private boolean addToWaiting(String partnerId, int strikes) {
        return jdbc.sql("update standing_check_due set strikes = strikes + :strikes where partner_id = :partner")
                .param("partner", partnerId).param("strikes", strikes).update() > 0;
    }
}
