package io.leadbridge.rewards;

/**
 * Fills the leaderboard's tables ({@code leaderboard_step}, {@code leaderboard_day}) from the lead
 * events and the ledger stored before them (migration V13_1; the reports benchmark after loading
 * its history). From then on {@link LeaderboardDays} adds to them step by step.
 */
public final class LeaderboardFill {

    private static final String STEPS_FROM_EVENTS = """
            insert into leaderboard_step (lead_event_id, lead_id, partner_id, rep_username, event_type, on_time,
                                          occurred_at)
            select e.id, e.lead_id, e.partner_id,
                   coalesce(r.username, case when d.partner_id = e.partner_id then d.rep_username end),
                   e.type, e.on_time, e.occurred_at
            from lead_event e
            join lead d on d.id = e.lead_id
            left join partner_rep r on r.username = e.actor and r.partner_id = e.partner_id
            where e.type in ('ACCEPTED', 'CONTACTED', 'WON') and e.partner_id is not null""";

    private static final String DAYS_FROM_LEDGER_AND_STEPS = """
            insert into leaderboard_day (utc_day, partner_id, rep_key, points, wins, on_time_steps, timed_steps)
            select utc_day, partner_id, rep_key, sum(points), sum(wins), sum(on_time_steps), sum(timed_steps)
            from (select cast(occurred_at at time zone 'UTC' as date) as utc_day, partner_id,
                         coalesce(rep_username, '') as rep_key, points, 0 as wins, 0 as on_time_steps, 0 as timed_steps
                  from reward_ledger
                  union all
                  select cast(occurred_at at time zone 'UTC' as date), partner_id, coalesce(rep_username, ''), 0,
                         case when event_type = 'WON' then 1 else 0 end,
                         case when event_type <> 'WON' and on_time = true then 1 else 0 end,
                         case when event_type <> 'WON' and on_time is not null then 1 else 0 end
                  from leaderboard_step) t
            group by utc_day, partner_id, rep_key""";

    private LeaderboardFill() {
    }

    /** Fills {@code leaderboard_step} from the stored lead events, crediting reps as the ledger does (lead's rep now). */
    public static String steps() {
        return STEPS_FROM_EVENTS;
    }

    /** Fills {@code leaderboard_day} from the ledger and {@code leaderboard_step}. */
    public static String days() {
        return DAYS_FROM_LEDGER_AND_STEPS;
    }
}
