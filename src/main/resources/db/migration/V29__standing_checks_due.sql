-- A partner whose strikes wait for "Determine standing" (issue 12). The first strike of a burst
-- starts the standing process and this row; later strikes only count themselves here until that
-- process's "Determine standing" takes the row and judges them all at once, so that a morning's
-- thousand missed SLAs cost a partner a handful of standing checks and mails, not a thousand.
create table standing_check_due (
    partner_id      varchar(40) not null primary key references partner (id),
    strikes         integer     not null,
    first_strike_at timestamp with time zone not null
);
