package db.migration;

import io.leadbridge.rewards.LeaderboardFill;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills the leaderboard's steps and day sums (V13) from the lead events and the ledger stored
 * before them. Steps recorded before V13 count for the rep the lead names now where no rep of the
 * partner took them, as the leaderboard credited them until then.
 */
public class V13_1__Fill_leaderboard_tallies extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            statement.executeUpdate(LeaderboardFill.steps());
            statement.executeUpdate(LeaderboardFill.days());
        }
    }
}
