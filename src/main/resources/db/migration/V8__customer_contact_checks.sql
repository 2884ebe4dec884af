-- Customer contact checks: a table-given time after a partner accepts a lead (the slaPolicy
-- table's customerCheckAfter) the prospect is asked once whether the partner contacted them.
-- status: SCHEDULED (waiting for its time), SKIPPED (not asked; skip_reason says why), SENT
-- (asked, answer open until expires_at), CONFIRMED (answer YES), DENIED (answer NO) or
-- UNANSWERED (the answer window ran out). The id is the business key of the check's
-- customerContactCheck process and is what the signed token in the mail's links names.
create table contact_check (
    id           varchar(36)  not null primary key,
    lead_id      bigint       not null references lead (id),
    partner_id   varchar(40)  not null references partner (id),
    contact_id   bigint       not null references contact (id),
    status       varchar(20)  not null,
    skip_reason  varchar(30),
    answer       varchar(3),
    created_at   timestamp with time zone not null,
    due_at       timestamp with time zone not null,
    sent_at      timestamp with time zone,
    expires_at   timestamp with time zone,
    answered_at  timestamp with time zone,
    closed_at    timestamp with time zone
);
create index contact_check_lead on contact_check (lead_id, created_at);

-- A prospect who asked not to be asked again: no further contact checks go to this contact.
alter table contact add column contact_check_opt_out boolean not null default false;
