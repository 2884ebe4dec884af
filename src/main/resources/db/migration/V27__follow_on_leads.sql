-- Follow-on leads (issue 15, part 1, "buy again"): after a product is won, decisions/follow-on.dmn
-- names what the customer buys next and when. When that is due, Leadbridge creates a lead for the
-- account's contact and records it here, once per won lead, product bought and follow-on product
-- (the primary key: a second node, or a second check, finds the row and creates nothing).
-- The partner that won the account is protected on the follow-on product of that account until
-- protected_until; account protection reads it. root_lead_id is the first win of the chain (a
-- follow-on of a follow-on keeps the first win's lead), which the repeat-purchase report groups by.
create table follow_on_lead (
    won_lead_id        bigint        not null references lead (id),
    product_bought     varchar(120)  not null,
    follow_on_product  varchar(120)  not null,
    lead_id            bigint        not null unique references lead (id),
    root_lead_id       bigint        not null references lead (id),
    account_id         bigint        not null references account (id),
    -- the partner that won the account, protected on the follow-on; none for a win without a partner
    partner_id         varchar(40)   references partner (id),
    won_at             timestamp with time zone not null,
    due_on             date          not null,
    protection_days    integer       not null,
    protected_until    timestamp with time zone,
    created_at         timestamp with time zone not null,
    primary key (won_lead_id, product_bought, follow_on_product)
);
create index follow_on_lead_protection on follow_on_lead (account_id, follow_on_product, protected_until);
create index follow_on_lead_root on follow_on_lead (root_lead_id);
