package io.leadbridge.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.leadbridge.routing.RoutingDecisionLog.Candidate;
import io.leadbridge.routing.RoutingDecisionLog.Method;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the routing decisions the rules took (table {@code routing_decision}, method RULES) for
 * reports, row by row: a month holds tens of thousands, and none is kept longer than it takes to
 * count it.
 */
@Repository
class RulesDecisionHistory {

    private static final int FETCH_SIZE = 1000;
    private static final int IDS_PER_QUERY = 1000;

    /** A rules decision: the lead, the winner (null when no partner was eligible) and every candidate stored. */
    record RulesDecision(long leadId, String winner, List<Candidate> candidates, int candidatesLeftOut) {
    }

    /** A partner's name and tier as they are now. */
    record PartnerLabel(String name, String tier) {
    }

    private final JdbcClient jdbc;
    private final ObjectReader candidates;

    RulesDecisionHistory(DataSource dataSource, ObjectMapper json) {
        // Fetched in batches (PostgreSQL streams only with a fetch size, inside a transaction).
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.jdbc = JdbcClient.create(template);
        this.candidates = json.readerFor(new TypeReference<List<Candidate>>() { });
    }

    /** Hands each rules decision taken at or after {@code from} and before {@code to} to {@code sink}. */
    void forEachRulesDecision(Instant from, Instant to, Consumer<RulesDecision> sink) {
        jdbc.sql("""
                select lead_id, winner, candidates, candidates_left_out from routing_decision
                where method = :method and decided_at >= :from and decided_at < :to""")
                .param("method", Method.RULES.name())
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(rs -> {
                    sink.accept(new RulesDecision(rs.getLong("lead_id"), rs.getString("winner"),
                            read(rs.getString("candidates")), rs.getInt("candidates_left_out")));
                });
    }

    Map<String, PartnerLabel> partners(Collection<String> ids) {
        Map<String, PartnerLabel> labels = new HashMap<>();
        List<String> all = new ArrayList<>(ids);
        for (int start = 0; start < all.size(); start += IDS_PER_QUERY) {
            jdbc.sql("select id, name, tier from partner where id in (:ids)")
                    .param("ids", all.subList(start, Math.min(all.size(), start + IDS_PER_QUERY)))
                    .query(rs -> {
                        labels.put(rs.getString("id"), new PartnerLabel(rs.getString("name"), rs.getString("tier")));
                    });
        }
        return labels;
    }

    private List<Candidate> read(String text) {
        if (text == null) {
            return List.of();
        }
        try {
            return candidates.readValue(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("routing_decision.candidates is not a candidate list: " + e.getMessage(), e);
        }
    }
}
