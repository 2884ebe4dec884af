package io.leadbridge.partner;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The partners' dispatch settings ({@code partner_dispatch}); a partner without a row keeps the defaults. */
@Repository
public class PartnerDispatchRepository {

    private final JdbcClient jdbc;

    PartnerDispatchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public PartnerDispatch find(String partnerId) {
        return jdbc.sql("select team_queue, manual_dispatch from partner_dispatch where partner_id = :id")
                .param("id", partnerId)
                .query((rs, row) -> new PartnerDispatch(partnerId, rs.getBoolean(1), rs.getBoolean(2)))
                .optional().orElse(PartnerDispatch.byDefault(partnerId));
    }

    void save(PartnerDispatch dispatch, Instant at, String by) {
        int updated = jdbc.sql("""
                update partner_dispatch set team_queue = :queue, manual_dispatch = :manual, updated_at = :at,
                       updated_by = :by where partner_id = :id""")
                .param("id", dispatch.partnerId()).param("queue", dispatch.teamQueue())
                .param("manual", dispatch.manualDispatch()).param("at", Timestamp.from(at)).param("by", by)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into partner_dispatch (partner_id, team_queue, manual_dispatch, updated_at, updated_by)
                    values (:id, :queue, :manual, :at, :by)""")
                    .param("id", dispatch.partnerId()).param("queue", dispatch.teamQueue())
                    .param("manual", dispatch.manualDispatch()).param("at", Timestamp.from(at)).param("by", by)
                    .update();
        }
    }
}
