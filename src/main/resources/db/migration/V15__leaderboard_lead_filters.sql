-- A leaderboard filtered by the lead (its campaign, its account's country, ...) reads the
-- period's ledger rows and steps one by one and keeps those of the leads that match (issue 5).
-- These indexes hold every column that reading needs, so PostgreSQL answers it from the indexes
-- alone (an index-only scan) instead of visiting each row; they replace the indexes on time alone.
create index reward_ledger_time_covering on reward_ledger (occurred_at, lead_id, partner_id, rep_username, points);
drop index reward_ledger_time;
create index leaderboard_step_time_covering
    on leaderboard_step (occurred_at, lead_id, partner_id, rep_username, event_type, on_time);
drop index leaderboard_step_time;
-- The leads of a campaign or a country, the leaderboard's most common lead filters.
create index report_lead_campaign_lead on report_lead (campaign, lead_id);
create index report_lead_country_lead on report_lead (country, lead_id);
