-- The lead managers' daily digest (issue 14): one row per partner and day (in the partner's time
-- zone) on which its digest was written. The primary key makes it once a day, also when several
-- application nodes look at the same moment: the second insert fails and writes no mail.
create table manager_digest (
    partner_id  varchar(40) not null references partner (id),
    digest_date date        not null,
    written_at  timestamp with time zone not null,
    open_offers integer     not null,
    primary key (partner_id, digest_date)
);
