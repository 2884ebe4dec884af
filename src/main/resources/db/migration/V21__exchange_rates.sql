-- Exchange rates (issue 15): one rate per currency and calendar month (UTC), into the reporting
-- currency (leadbridge.reporting.currency) named in the row, so that a changed reporting currency
-- leaves the old rates unused rather than wrong. rate is what one unit of currency is worth in
-- reporting_currency. starts_at and ends_at are the month's first instant and the next month's
-- (UTC), kept so that reports join an amount to the rate of its month on any database without
-- working out months from time stamps in SQL.
create table exchange_rate (
    reporting_currency varchar(3)     not null,
    currency           varchar(3)     not null,
    rate_month         date           not null,
    starts_at          timestamp with time zone not null,
    ends_at            timestamp with time zone not null,
    rate               numeric(18, 8) not null,
    updated_at         timestamp with time zone not null,
    updated_by         varchar(64)    not null,
    constraint exchange_rate_pk primary key (reporting_currency, currency, rate_month),
    constraint exchange_rate_positive check (rate > 0),
    constraint exchange_rate_month_in_order check (ends_at > starts_at)
);
