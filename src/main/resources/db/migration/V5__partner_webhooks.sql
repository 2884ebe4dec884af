-- Outbound webhooks: a partner's subscription to lead events, and one row per event sent to it.

-- The signing secret is kept as issued: Leadbridge signs every delivery with it (HMAC-SHA256), so
-- unlike a password it cannot be stored hashed. It is shown to the partner once, at registration.
create table partner_webhook (
    id           varchar(36)   not null primary key,
    partner_id   varchar(40)   not null references partner (id),
    url          varchar(2000) not null,
    events       varchar(200)  not null,
    secret       varchar(100)  not null,
    created_by   varchar(64)   not null,
    created_at   timestamp with time zone not null
);
create index partner_webhook_partner on partner_webhook (partner_id);

-- The delivery log: what was sent (the exact JSON body), how often it was tried, the last answer.
-- PENDING until a 2xx answer (DELIVERED) or until the last retry failed (FAILED, with an incident).
create table webhook_delivery (
    id               varchar(36)    not null primary key,
    webhook_id       varchar(36)    not null references partner_webhook (id) on delete cascade,
    partner_id       varchar(40)    not null references partner (id),
    lead_id          bigint         references lead (id),
    event            varchar(30)    not null,
    payload          varchar(20000) not null,
    status           varchar(20)    not null,
    attempts         integer        not null default 0,
    last_status_code integer,
    last_error       varchar(1000),
    created_at       timestamp with time zone not null,
    last_attempt_at  timestamp with time zone,
    delivered_at     timestamp with time zone
);
create index webhook_delivery_webhook on webhook_delivery (webhook_id, created_at);
