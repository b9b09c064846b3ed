-- Read-only views for BI tools (docs/store.md, "Views for BI"). Money appears twice: exact minor
-- units and a numeric amount in major units of the row's own currency (no conversion).

create view v_channel_spend as
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
       s.source as import_source
from spend s
join currencies c on c.code = s.currency;

create view v_leads as
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
       l.source as import_source
from leads l;

create view v_deals as
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
       d.source as import_source
from deals d
join currencies c on c.code = d.currency
left join (
    -- Payments in the deal's currency only: mixing currencies needs dated rates (reports do that).
    select p.source, p.deal_id, p.currency, sum(p.amount_minor) as paid_minor
    from payments p
    where p.deal_id is not null
    group by p.source, p.deal_id, p.currency
) p on p.source = d.source and p.deal_id = d.deal_id and p.currency = d.currency;

create view v_batches as
select b.id as batch_id,
       b.source as import_source,
       b.file_name,
       b.committed_at,
       b.offered_rows,
       b.stored_rows,
       b.offered_rows - b.stored_rows as skipped_rows,
       b.quarantined_rows
from batches b;
