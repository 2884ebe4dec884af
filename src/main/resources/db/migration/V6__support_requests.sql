-- Support requests: a rep of the partner holding a lead asks the vendor for special pricing,
-- technical pre-sales or other help; a channel manager (after the SLA, a channel director) answers.
-- answer holds the terms of an approval or the reason of a rejection. The id is the business key
-- of the request's supportRequest process.
create table support_request (
    id               varchar(36)   not null primary key,
    lead_id          bigint        not null references lead (id),
    partner_id       varchar(40)   not null references partner (id),
    rep_username     varchar(64)   not null,
    kind             varchar(30)   not null,
    discount_percent numeric(5, 2),
    justification    varchar(2000) not null,
    status           varchar(20)   not null,
    answer           varchar(2000),
    requested_at     timestamp with time zone not null,
    answered_at      timestamp with time zone,
    answered_by      varchar(64)
);
create index support_request_lead on support_request (lead_id, requested_at);
