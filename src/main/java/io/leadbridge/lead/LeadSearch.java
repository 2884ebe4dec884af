package io.leadbridge.lead;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Lists leads by status, partner, segment, country and campaign, newest first, a page at a time. */
@Repository
public class LeadSearch {

    private final JdbcClient jdbc;

    LeadSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Filters; a null filter matches everything. {@code repUsername}: only the leads this rep holds
     * (a rep of a partner without a team queue).
     */
    public record Criteria(LeadStatus status, String partnerId, String segment, String country, String campaign,
            String repUsername) {

        public Criteria(LeadStatus status, String partnerId, String segment, String country, String campaign) {
            this(status, partnerId, segment, country, campaign, null);
        }
    }

    public record Page(List<Lead> leads, long total) {
    }

    public Page find(Criteria criteria, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        String from = from(criteria, params);
        long total = jdbc.sql("select count(*)" + from).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<Lead> leads = jdbc.sql("select l.*" + from + " order by l.created_at desc, l.id desc limit :limit offset :offset")
                .params(params).query(LeadRepository::map).list();
        return new Page(leads, total);
    }

    /** {@code from lead l join account a ... where ...} for the criteria, adding their parameters to {@code params}. */
    static String from(Criteria criteria, Map<String, Object> params) {
        List<String> where = new ArrayList<>();
        if (criteria.status() != null) {
            where.add("l.status = :status");
            params.put("status", criteria.status().name());
        }
        if (criteria.partnerId() != null) {
            // The partner's leads, and the leads it competes for in an open competition.
            where.add("(l.partner_id = :partnerId or exists (select 1 from lead_offer o where o.lead_id = l.id "
                    + "and o.partner_id = :partnerId and o.outcome is null))");
            params.put("partnerId", criteria.partnerId());
        }
        if (criteria.repUsername() != null) {
            where.add("l.rep_username = :repUsername");
            params.put("repUsername", criteria.repUsername());
        }
        if (criteria.segment() != null) {
            where.add("l.segment = :segment");
            params.put("segment", criteria.segment());
        }
        if (criteria.country() != null) {
            where.add("a.country = :country");
            params.put("country", criteria.country());
        }
        if (criteria.campaign() != null) {
            where.add("l.campaign = :campaign");
            params.put("campaign", criteria.campaign());
        }
        return " from lead l join account a on a.id = l.account_id"
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where));
    }
}
