-- Opportunities: after first contact the rep converts a lead into an opportunity (amount,
-- currency, expected close date, products) and moves it through QUALIFICATION, PROPOSAL and
-- NEGOTIATION until it is closed WON (final_amount) or LOST (lost_reason from a fixed list, note).
-- One opportunity per lead; a lead won straight from first contact (or by inside sales, with no
-- partner) gets one, closed, for its value.
create table opportunity (
    lead_id             bigint        not null primary key references lead (id),
    partner_id          varchar(40)   references partner (id),
    rep_username        varchar(64),
    stage               varchar(20)   not null,
    amount              numeric(15, 2) not null,
    currency            varchar(3)    not null,
    expected_close_date date          not null,
    products            varchar(1000),
    final_amount        numeric(15, 2),
    lost_reason         varchar(30),
    close_note          varchar(2000),
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    closed_at           timestamp with time zone
);
create index opportunity_stage on opportunity (stage, partner_id);
create index opportunity_close_date on opportunity (expected_close_date, closed_at);

-- Status updates: every report from the rep (Tasklist or CRM) after first contact moves
-- last_status_update_at; the cyclic reminder counts the cycles missed since.
alter table lead add column last_status_update_at timestamp with time zone;
alter table lead add column missed_status_updates integer not null default 0;
