package db.migration;

import io.leadbridge.reporting.ReportFactQueries;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills the report facts (V12) for the leads and offers stored before them, with the same queries
 * that keep them in step afterwards. A Java migration so that those queries are written once.
 */
public class V12_1__Fill_report_facts extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            statement.executeUpdate(ReportFactQueries.fillLeads());
            statement.executeUpdate(ReportFactQueries.fillOffers());
        }
    }
}
