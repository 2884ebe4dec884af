package io.leadbridge.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadbridge.config.LeadClock;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every routing decision, kept so anyone can later see why a lead went where it went. */
@Repository
public class RoutingDecisionLog {

    /** How the partner of an offer was chosen. */
    public enum Method { RULES, PROTECTED_ACCOUNT, MANUAL, REASSIGNED, REGISTERED_DEAL, FOLLOW_ON_WINNER }

    /** A table that took part, its version, and the rows that matched with their annotations. */
    public record DecisionUsed(String key, Integer version, List<RowUsed> rows) {
    }

    public record RowUsed(String id, String annotation) {
    }

    /** A partner that was considered: its weight in the rotation, or why it was skipped. */
    public record Candidate(String partnerId, Integer weight, String skipped) {
    }

    public record RoutingDecision(long leadId, int attempt, Instant decidedAt, Method method, String poolKey,
            String winner, List<DecisionUsed> decisions, List<Candidate> candidates, int candidatesLeftOut,
            String summary) {
    }

    static final int MAX_CANDIDATES_STORED = 500;

    private final JdbcClient jdbc;
    private final LeadClock clock;
    private final ObjectMapper json;

    RoutingDecisionLog(JdbcClient jdbc, LeadClock clock, ObjectMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
    }

    public void record(long leadId, int attempt, Method method, String poolKey, String winner,
            List<DecisionUsed> decisions, List<Candidate> candidates, String summary) {
        List<Candidate> stored = candidates.size() <= MAX_CANDIDATES_STORED ? candidates
                : candidates.subList(0, MAX_CANDIDATES_STORED);
        jdbc.sql("""
                insert into routing_decision (lead_id, attempt, decided_at, method, pool_key, winner, decisions,
                                              candidates, candidates_left_out, summary)
                values (:leadId, :attempt, :at, :method, :pool, :winner, :decisions, :candidates, :left, :summary)""")
                .param("leadId", leadId).param("attempt", attempt).param("at", Timestamp.from(clock.now()))
                .param("method", method.name()).param("pool", poolKey).param("winner", winner)
                .param("decisions", write(decisions)).param("left", candidates.size() - stored.size())
                .param("candidates", write(stored)).param("summary", summary)
                .update();
    }

    public List<RoutingDecision> forLead(long leadId) {
        return jdbc.sql("select * from routing_decision where lead_id = :leadId order by id")
                .param("leadId", leadId)
                .query((rs, i) -> new RoutingDecision(rs.getLong("lead_id"), rs.getInt("attempt"),
                        rs.getTimestamp("decided_at").toInstant(), Method.valueOf(rs.getString("method")),
                        rs.getString("pool_key"), rs.getString("winner"),
                        read(rs.getString("decisions"), new TypeReference<List<DecisionUsed>>() { }),
                        read(rs.getString("candidates"), new TypeReference<List<Candidate>>() { }),
                        rs.getInt("candidates_left_out"),
                        rs.getString("summary")))
                .list();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> List<T> read(String text, TypeReference<List<T>> type) {
        if (text == null) {
            return List.of();
        }
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
