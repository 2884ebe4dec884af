-- The mail sender works through notifications outside the process engine's jobs (docs/architecture.md,
-- "Notifications"): a queued mail is claimed for a short while, sent, and then marked sent or retried later.
alter table notification add column attempts integer default 0 not null;
alter table notification add column next_attempt_at timestamp with time zone;
alter table notification add column claimed_until timestamp with time zone;
create index notification_due on notification (status, next_attempt_at);
