-- API credentials of partner CRMs: HTTP Basic clientId:secret on /api/**, acting as the partner.
-- Only a SHA-256 hash of the secret is kept (see PartnerCredentials for why not a slow hash); a
-- revoked credential keeps its row, so the log of who had access when stays complete.
create table partner_credential (
    client_id     varchar(64)  not null primary key,
    partner_id    varchar(40)  not null references partner (id),
    label         varchar(100),
    secret_hash   varchar(64)  not null,
    created_at    timestamp with time zone not null,
    created_by    varchar(64)  not null,
    last_used_at  timestamp with time zone,
    revoked_at    timestamp with time zone,
    revoked_by    varchar(64)
);
create index partner_credential_partner on partner_credential (partner_id);
