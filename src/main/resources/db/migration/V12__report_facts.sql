-- Report facts (issue 5): what the reports count, one row per lead and one per offer, kept by
-- io.leadbridge.reporting.ReportFacts in the same transaction as every write that changes them
-- (a lead's events, offers, opportunity and strikes; its account's place and industry). A report
-- over a period then reads one narrow table instead of looking up each lead's events, offers and
-- opportunity. Every column is worked out from the tables the lifecycle writes (the queries are in
-- ReportFactQueries); V12_1 fills both tables for the leads stored before this version.

create table report_lead (
    lead_id              bigint       not null primary key references lead (id),
    account_id           bigint       not null,
    received_at          timestamp with time zone not null,
    status               varchar(20)  not null,
    route                varchar(20),
    -- the partner that holds the lead now
    partner_id           varchar(40),
    campaign             varchar(120),
    product              varchar(120) not null,
    segment              varchar(20),
    country              varchar(2)   not null,
    region               varchar(6),
    industry             varchar(100),
    -- how far the lead got in the funnel: 0 received, 1 qualified, 2 offered, 3 accepted,
    -- 4 contacted, 5 opportunity, 6 won
    reached              smallint     not null,
    -- first contact reported or an opportunity opened, by any partner
    followed_up          smallint     not null,
    -- when a WON or LOST lead closed
    closed_at            timestamp with time zone,
    opportunity_stage    varchar(20),
    opportunity_currency varchar(3),
    -- the opportunity's amount, and for a WON one its final amount
    opportunity_value    numeric(15, 2)
);

create index report_lead_received on report_lead (received_at);
create index report_lead_partner on report_lead (partner_id, received_at);
create index report_lead_campaign on report_lead (campaign, received_at);
create index report_lead_account on report_lead (account_id);

create table report_offer (
    offer_id          bigint       not null primary key references lead_offer (id),
    lead_id           bigint       not null references lead (id),
    received_at       timestamp with time zone not null,
    campaign          varchar(120),
    product           varchar(120) not null,
    segment           varchar(20),
    country           varchar(2)   not null,
    region            varchar(6),
    industry          varchar(100),
    partner_id        varchar(40)  not null,
    outcome           varchar(20),
    close_reason      varchar(40),
    offered_at        timestamp with time zone not null,
    accept_due_at     timestamp with time zone,
    closed_at         timestamp with time zone,
    -- the offered partner's first contact after accepting
    first_contact_at  timestamp with time zone,
    -- accepted, then withdrawn from this partner
    withdrawn_later   smallint     not null,
    -- this partner earned a CONTACT_SLA_MISSED strike on the lead
    contact_missed    smallint     not null,
    -- when the lead closed WON or LOST while this partner held it
    lead_closed_at    timestamp with time zone,
    -- how far the lead got with this partner (the funnel's steps as in report_lead)
    reached           smallint     not null
);

create index report_offer_lead on report_offer (lead_id);
create index report_offer_received on report_offer (received_at);
create index report_offer_partner on report_offer (partner_id, received_at);
create index report_offer_campaign on report_offer (campaign, received_at);
