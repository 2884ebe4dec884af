package io.leadbridge.reporting;

import io.leadbridge.lead.LeadEventType;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How each column of {@code report_lead} and {@code report_offer} is worked out from the tables the
 * lifecycle writes: the one place that says it, used both to keep a lead's facts in step
 * ({@link ReportFacts}) and to fill them for every stored lead (migration V12_1). The step numbers
 * are {@link FunnelReport.Step}'s ordinals.
 */
public final class ReportFactQueries {

    /**
     * A lead's first contact, or its close straight from first contact, by any partner: the event
     * types as an SQL list, put between the pieces of the statements below.
     */
    private static final String CONTACT_TYPES = Stream.of(LeadEventType.CONTACTED, LeadEventType.WON,
            LeadEventType.LOST).map(type -> "'" + type.name() + "'").collect(Collectors.joining(", ", " (", ") "));

    private static final String LEAD_FACTS = """
            insert into report_lead (lead_id, account_id, received_at, status, route, partner_id, campaign, product,
                                     segment, country, region, industry, reached, followed_up, closed_at,
                                     opportunity_stage, opportunity_currency, opportunity_value)
            select l.id, l.account_id, l.created_at, l.status, l.route, l.partner_id, l.campaign, l.product, l.segment,
                   a.country, a.region, a.industry,
                   case when l.route is null or l.route not in ('PARTNER', 'INSIDE_SALES') then 0
                        when not exists (select 1 from lead_offer o where o.lead_id = l.id) then 1
                        when not exists (select 1 from lead_offer o where o.lead_id = l.id and o.outcome = 'ACCEPTED')
                            then 2
                        when not exists (select 1 from lead_offer o where o.lead_id = l.id and o.outcome = 'ACCEPTED'
                                             and (exists (select 1 from lead_event e where e.lead_id = l.id
                                                              and e.type in""" + CONTACT_TYPES + """
                                                              and e.partner_id = o.partner_id)
                                                  or exists (select 1 from opportunity c where c.lead_id = l.id
                                                                 and c.partner_id = o.partner_id))) then 3
                        when not (op.lead_id is not null or (l.status = 'WON' and l.partner_id is not null)) then 4
                        when not (l.status = 'WON' and l.partner_id is not null) then 5
                        else 6 end,
                   case when op.lead_id is not null or exists (select 1 from lead_event e where e.lead_id = l.id
                                                                   and e.type in""" + CONTACT_TYPES + """
                                                              )
                        then 1 else 0 end,
                   case when l.status in ('WON', 'LOST') then coalesce(op.closed_at,
                       (select min(e.occurred_at) from lead_event e where e.lead_id = l.id
                            and e.type in ('WON', 'LOST'))) end,
                   op.stage, op.currency,
                   case when op.stage = 'WON' then coalesce(op.final_amount, op.amount) else op.amount end
            from lead l
            join account a on a.id = l.account_id
            left join opportunity op on op.lead_id = l.id""";

    private static final String OFFER_FACTS = """
            insert into report_offer (offer_id, lead_id, received_at, campaign, product, segment, country, region,
                                      industry, partner_id, outcome, close_reason, offered_at, accept_due_at, closed_at,
                                      first_contact_at, withdrawn_later, contact_missed, lead_closed_at, reached)
            select o.id, o.lead_id, l.created_at, l.campaign, l.product, l.segment, a.country, a.region, a.industry,
                   o.partner_id, o.outcome, o.close_reason, o.offered_at, o.accept_due_at, o.closed_at,
                   case when o.outcome = 'ACCEPTED' then
                       (select min(e.occurred_at) from lead_event e
                        where e.lead_id = o.lead_id and e.type in""" + CONTACT_TYPES + """
                          and e.partner_id = o.partner_id and e.occurred_at >= o.closed_at) end,
                   case when o.outcome = 'ACCEPTED' and exists
                       (select 1 from lead_event e
                        where e.lead_id = o.lead_id and e.type = 'WITHDRAWN' and e.partner_id = o.partner_id
                          and e.occurred_at >= o.closed_at) then 1 else 0 end,
                   case when exists
                       (select 1 from partner_strike s
                        where s.lead_id = o.lead_id and s.partner_id = o.partner_id
                          and s.kind = 'CONTACT_SLA_MISSED') then 1 else 0 end,
                   case when o.outcome = 'ACCEPTED' and l.status in ('WON', 'LOST') and l.partner_id = o.partner_id
                        then coalesce(op.closed_at,
                            (select min(e.occurred_at) from lead_event e
                             where e.lead_id = l.id and e.type in ('WON', 'LOST'))) end,
                   case when l.route is null or l.route not in ('PARTNER', 'INSIDE_SALES') then 0
                        when o.outcome is null or o.outcome <> 'ACCEPTED' then 2
                        when not (exists (select 1 from lead_event e where e.lead_id = o.lead_id
                                              and e.type in""" + CONTACT_TYPES + """
                                              and e.partner_id = o.partner_id)
                                  or exists (select 1 from opportunity c where c.lead_id = o.lead_id
                                                 and c.partner_id = o.partner_id)) then 3
                        when not (coalesce(op.partner_id, '-') = o.partner_id
                                  or (l.status = 'WON' and coalesce(l.partner_id, '-') = o.partner_id)) then 4
                        when not (l.status = 'WON' and coalesce(l.partner_id, '-') = o.partner_id) then 5
                        else 6 end
            from lead_offer o
            join lead l on l.id = o.lead_id
            join account a on a.id = l.account_id
            left join opportunity op on op.lead_id = l.id""";

    private ReportFactQueries() {
    }

    /** Fills {@code report_lead} for every stored lead (the table must be empty). */
    public static String fillLeads() {
        return LEAD_FACTS;
    }

    /** Fills {@code report_offer} for every stored offer (the table must be empty). */
    public static String fillOffers() {
        return OFFER_FACTS;
    }

    /** Writes the facts of the leads {@code :leads} (whose rows must have been deleted). */
    static String leads() {
        return LEAD_FACTS + "\nwhere l.id in (:leads)";
    }

    /** Writes the facts of every offer of the leads {@code :leads} (whose rows must have been deleted). */
    static String offersOfLeads() {
        return OFFER_FACTS + "\nwhere o.lead_id in (:leads)";
    }
}
