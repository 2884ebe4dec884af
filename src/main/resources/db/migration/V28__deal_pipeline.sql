-- The registered deal's pipeline (issue 15, part 2): an approved registration moves through the
-- opportunity stages (QUALIFICATION, PROPOSAL, NEGOTIATION) until the partner reports it WON (with
-- its final amount) or LOST (with a reason from the fixed list). `amount` is the deal's current
-- value; `registered_amount` keeps what the partner registered, for the deal report.
alter table deal_registration add column registered_amount numeric(19, 2);
update deal_registration set registered_amount = amount;
alter table deal_registration alter column registered_amount set not null;
alter table deal_registration add column stage varchar(20);
update deal_registration set stage = 'QUALIFICATION' where decided_at is not null and status <> 'REJECTED';
alter table deal_registration add column final_amount numeric(19, 2);
alter table deal_registration add column lost_reason varchar(30);
alter table deal_registration add column closed_at timestamp with time zone;
