-- Marketing campaigns (issue 5): what a campaign cost, so the campaign report can set the value
-- won from its leads against it. code is what lead.campaign holds; a lead whose campaign has no
-- row here is still reported, without cost figures.
create table campaign (
    code        varchar(120)   not null primary key,
    name        varchar(200)   not null,
    channel     varchar(60)    not null,
    cost        numeric(15, 2) not null,
    currency    varchar(3)     not null,
    starts_on   date           not null,
    ends_on     date,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    constraint campaign_cost_not_negative check (cost >= 0),
    constraint campaign_dates_in_order check (ends_on is null or ends_on >= starts_on)
);

-- Reports (package reporting) take the leads received in a period, often of one partner or one
-- campaign, and look up each lead's events, offers and strikes by type and partner.
create index lead_partner_created on lead (partner_id, created_at);
create index lead_campaign_created on lead (campaign, created_at);
create index lead_event_lead_type on lead_event (lead_id, type, partner_id);
create index partner_strike_lead on partner_strike (lead_id, partner_id);
