package io.leadbridge.lead;

import io.leadbridge.csv.CsvWriter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lead list as CSV for BI tools: every lead the {@link LeadSearch} criteria match (no pages),
 * newest first, with its account's company facts. Rows stream from the database to the answer in
 * batches, so an export of a million leads never sits in memory. Contact details (names, e-mail
 * addresses, phone numbers) and notes are personal data and stay out of the file.
 */
@Repository
public class LeadCsvExport {

    static final List<String> COLUMNS = List.of("id", "source", "external_id", "campaign", "product", "score",
            "status", "segment", "grade", "route", "partner_id", "rep_username", "protected_account", "attempt_count",
            "sla_kind", "sla_due_at", "outcome_reason", "account_name", "account_domain", "industry", "country",
            "region", "employees", "created_at", "updated_at", "language");
    private static final int FETCH_SIZE = 1000;

    private final JdbcClient jdbc;

    LeadCsvExport(DataSource dataSource) {
        // PostgreSQL streams rows only with a fetch size, inside a transaction.
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.jdbc = JdbcClient.create(template);
    }

    @Transactional(readOnly = true)
    public void write(LeadSearch.Criteria criteria, CsvWriter out) {
        Map<String, Object> params = new HashMap<>();
        out.row(COLUMNS);
        jdbc.sql("select l.*, a.name as account_name, a.domain as account_domain, a.industry, a.country, a.region, "
                        + "a.employees" + LeadSearch.from(criteria, params) + " order by l.created_at desc, l.id desc")
                .params(params)
                .query(rs -> {
                    out.row(row(rs));
                });
        out.flush();
    }

    private static List<Object> row(ResultSet rs) throws SQLException {
        return Arrays.asList(rs.getLong("id"), rs.getString("source"), rs.getString("external_id"),
                rs.getString("campaign"), rs.getString("product"), rs.getInt("score"), rs.getString("status"),
                rs.getString("segment"), rs.getString("grade"), rs.getString("route"), rs.getString("partner_id"),
                rs.getString("rep_username"), rs.getBoolean("protected_account"), rs.getInt("attempt_count"),
                rs.getString("sla_kind"), instant(rs, "sla_due_at"), rs.getString("outcome_reason"),
                rs.getString("account_name"), rs.getString("account_domain"), rs.getString("industry"),
                rs.getString("country"), rs.getString("region"), rs.getObject("employees", Integer.class),
                instant(rs, "created_at"), instant(rs, "updated_at"), rs.getString("language"));
    }

    private static Object instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
