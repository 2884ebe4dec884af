-- The leaderboard (issue 5) over any period without reading every event of it.

-- One row per step the board counts (a partner's ACCEPTED, CONTACTED and WON events), with the rep
-- it counts for, decided when the step is recorded, as the rewards ledger decides its rep: the
-- actor when one of the partner's reps, else the rep holding the lead for that partner.
create table leaderboard_step (
    lead_event_id  bigint       not null primary key references lead_event (id),
    lead_id        bigint       not null references lead (id),
    partner_id     varchar(40)  not null,
    rep_username   varchar(64),
    event_type     varchar(30)  not null,
    on_time        boolean,
    occurred_at    timestamp with time zone not null
);
create index leaderboard_step_time on leaderboard_step (occurred_at);
create index leaderboard_step_partner on leaderboard_step (partner_id, occurred_at);

-- Per UTC day, partner and rep ('' for points and steps of no rep): the sums of the ledger's points
-- and of the steps, added to in the transaction that writes the ledger row or the step. The board
-- reads whole days here and only the hours at either end of its period from the rows above.
create table leaderboard_day (
    utc_day        date         not null,
    partner_id     varchar(40)  not null,
    rep_key        varchar(64)  not null,
    points         bigint       not null,
    wins           bigint       not null,
    on_time_steps  bigint       not null,
    timed_steps    bigint       not null,
    primary key (utc_day, partner_id, rep_key)
);
create index leaderboard_day_partner on leaderboard_day (partner_id, utc_day);
