-- What routing reads about each partner, kept up to date in the transactions that change offers,
-- leads and strikes (PartnerRoutingStats), so that choosing among thousands of partners reads no
-- history: open leads (open offers plus accepted leads still worked) and the counts of the last
-- 90 days behind the acceptance, SLA-kept and win rates (PartnerPerformance).

-- The revision of the last write: writers take this row first, so they are serialized and their
-- rows' revisions commit in order; a node reads only rows above the revision it last saw.
create table partner_routing_revision (
    revision  bigint not null
);
insert into partner_routing_revision (revision) values (1);

create table partner_routing_stats (
    partner_id   varchar(40) not null primary key references partner (id),
    open_leads   integer     not null,
    -- Over the 90 days before counted_at: offers; offers accepted, declined or let run out; accepted.
    offers       integer     not null,
    answered     integer     not null,
    accepted     integer     not null,
    strikes      integer     not null,
    won          integer     not null,
    lost         integer     not null,
    counted_at   timestamp with time zone not null,
    -- When the oldest fact counted leaves the 90 days (null: nothing counted): then recounted.
    valid_until  timestamp with time zone,
    revision     bigint      not null
);
create index partner_routing_stats_revision on partner_routing_stats (revision);

insert into partner_routing_stats (partner_id, open_leads, offers, answered, accepted, strikes, won, lost,
                                   counted_at, valid_until, revision)
select p.id,
       (select count(*) from lead_offer o where o.partner_id = p.id and o.outcome is null)
           + (select count(*) from lead l where l.partner_id = p.id
                                           and l.status in ('ACCEPTED', 'CONTACTED', 'OPPORTUNITY')),
       (select count(*) from lead_offer o where o.partner_id = p.id
                                             and o.offered_at >= current_timestamp - interval '90' day),
       (select count(*) from lead_offer o where o.partner_id = p.id
                                             and o.offered_at >= current_timestamp - interval '90' day
                                             and (o.outcome in ('ACCEPTED', 'DECLINED')
                                                  or o.close_reason = 'ACCEPT_SLA_MISSED')),
       (select count(*) from lead_offer o where o.partner_id = p.id
                                             and o.offered_at >= current_timestamp - interval '90' day
                                             and o.outcome = 'ACCEPTED'),
       (select count(*) from partner_strike k where k.partner_id = p.id
                                                 and k.occurred_at >= current_timestamp - interval '90' day),
       (select count(*) from lead l where l.partner_id = p.id and l.status = 'WON'
                                       and l.updated_at >= current_timestamp - interval '90' day),
       (select count(*) from lead l where l.partner_id = p.id and l.status = 'LOST'
                                       and l.updated_at >= current_timestamp - interval '90' day),
       current_timestamp,
       null,
       1
from partner p;
update partner_routing_stats s set valid_until = (
    select min(f.at) + interval '90' day from (
        select partner_id, offered_at as at from lead_offer
        where offered_at >= current_timestamp - interval '90' day
        union all
        select partner_id, occurred_at from partner_strike
        where occurred_at >= current_timestamp - interval '90' day
        union all
        select partner_id, updated_at from lead
        where status in ('WON', 'LOST') and updated_at >= current_timestamp - interval '90' day) f
    where f.partner_id = s.partner_id);

-- One row per rotation pool, locked while a lead of the pool is routed: the pool's passes are then
-- read without locking a row per partner, and only the winner's and newcomers' are written.
-- turns counts the pool's choices: a node reads the passes again only when another has chosen.
create table rotation_pool (
    pool_key  varchar(64) not null primary key,
    turns     bigint      not null
);
insert into rotation_pool (pool_key, turns) select distinct pool_key, 0 from rotation_pass;
