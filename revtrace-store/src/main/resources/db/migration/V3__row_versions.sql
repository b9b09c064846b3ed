-- Update rules (docs/store.md, "Batches, keys and updates"): a later batch whose row differs from
-- the stored one with the same key replaces it. batch_id and position stay those of the batch that
-- first stored the key (rows keep their place when loaded); updated_batch_id names the batch whose
-- version the row now holds (null: never replaced). Stage changes and costs are keyed by every
-- column, so they are never replaced and get no such column.

alter table spend       add column updated_batch_id bigint references batches (id);
alter table touchpoints add column updated_batch_id bigint references batches (id);
alter table leads       add column updated_batch_id bigint references batches (id);
alter table deals       add column updated_batch_id bigint references batches (id);
alter table payments    add column updated_batch_id bigint references batches (id);
alter table accounts    add column updated_batch_id bigint references batches (id);
alter table contacts    add column updated_batch_id bigint references batches (id);
alter table rates       add column updated_batch_id bigint references batches (id);

-- What each batch did per table. stored_rows of batches now counts inserted + updated rows.
create table batch_tables (
    batch_id        bigint not null references batches (id),
    table_name      text   not null,
    inserted_rows   bigint not null check (inserted_rows >= 0),
    updated_rows    bigint not null check (updated_rows >= 0),
    unchanged_rows  bigint not null check (unchanged_rows >= 0),
    primary key (batch_id, table_name)
);

alter table batches add column updated_rows bigint not null default 0;

-- Batches committed before this migration only ever inserted: the rows they hold are their
-- inserts. Their skipped rows were not counted per table; they are kept under table_name '*'.
insert into batch_tables (batch_id, table_name, inserted_rows, updated_rows, unchanged_rows)
select batch_id, table_name, count(*), 0, 0
from (
    select batch_id, 'spend' as table_name from spend
    union all select batch_id, 'touchpoints' from touchpoints
    union all select batch_id, 'leads' from leads
    union all select batch_id, 'deals' from deals
    union all select batch_id, 'stage_changes' from stage_changes
    union all select batch_id, 'payments' from payments
    union all select batch_id, 'accounts' from accounts
    union all select batch_id, 'contacts' from contacts
    union all select batch_id, 'costs' from costs
    union all select batch_id, 'rates' from rates
) stored
group by batch_id, table_name;

insert into batch_tables (batch_id, table_name, inserted_rows, updated_rows, unchanged_rows)
select id, '*', 0, 0, offered_rows - stored_rows
from batches
where offered_rows > stored_rows;

-- New columns go last: existing view columns keep their names and order.
create or replace view v_batches as
select b.id as batch_id,
       b.source as import_source,
       b.file_name,
       b.committed_at,
       b.offered_rows,
       b.stored_rows,
       b.offered_rows - b.stored_rows as skipped_rows,
       b.quarantined_rows,
       b.stored_rows - b.updated_rows as inserted_rows,
       b.updated_rows,
       b.offered_rows - b.stored_rows as unchanged_rows
from batches b;

create view v_batch_tables as
select t.batch_id,
       b.source as import_source,
       b.file_name,
       t.table_name,
       t.inserted_rows,
       t.updated_rows,
       t.unchanged_rows
from batch_tables t
join batches b on b.id = t.batch_id;

-- The BI views of rows gain the batch whose version they show.
create or replace view v_channel_spend as
select s.date,
       s.channel,
       s.utm_source,
       s.utm_medium,
       s.utm_campaign,
       s.impressions,
       s.clicks,
       s.cost_minor,
       round(s.cost_minor::numeric / power(10::numeric, c.fraction_digits), c.fraction_digits) as cost,
       s.currency,
       s.source as import_source,
       coalesce(s.updated_batch_id, s.batch_id) as batch_id
from spend s
join currencies c on c.code = s.currency;

create or replace view v_leads as
select l.lead_id,
       l.created_at,
       l.channel,
       l.utm_source,
       l.utm_medium,
       l.utm_campaign,
       l.contact_id,
       l.account_id,
       l.mql_at,
       l.sql_at,
       l.first_response_at,
       l.mql_at is not null as is_mql,
       l.sql_at is not null as is_sql,
       l.source as import_source,
       coalesce(l.updated_batch_id, l.batch_id) as batch_id
from leads l;

create or replace view v_deals as
select d.deal_id,
       d.created_at,
       d.closed_at,
       d.status,
       d.stage,
       d.product,
       d.account_id,
       d.contact_id,
       d.lead_id,
       d.amount_minor,
       round(d.amount_minor::numeric / power(10::numeric, c.fraction_digits), c.fraction_digits) as amount,
       d.currency,
       coalesce(p.paid_minor, 0) as paid_minor,
       round(coalesce(p.paid_minor, 0)::numeric / power(10::numeric, c.fraction_digits), c.fraction_digits) as paid,
       d.source as import_source,
       coalesce(d.updated_batch_id, d.batch_id) as batch_id
from deals d
join currencies c on c.code = d.currency
left join (
    -- Payments in the deal's currency only: mixing currencies needs dated rates (reports do that).
    select p.source, p.deal_id, p.currency, sum(p.amount_minor) as paid_minor
    from payments p
    where p.deal_id is not null
    group by p.source, p.deal_id, p.currency
) p on p.source = d.source and p.deal_id = d.deal_id and p.currency = d.currency;
