-- Reconciliation (docs/definitions/reconciliation.md, docs/store.md).
--
-- 1. The conversions an ad platform itself counted for a spend row: null when the platform (or the
--    file) reported none; hundredths, because Google Ads splits conversions under data-driven
--    attribution. A value column, not part of the key: a later batch with other conversions
--    replaces the row, like a restated cost.
alter table spend add column conversions numeric(20, 2) check (conversions >= 0);

-- 2. Restated spend: before a later batch replaces a spend row (the update rules of V3), the
--    version it replaces is kept here, so a reconciliation can tell that the platform's numbers
--    changed between two reads and by how much. version_batch_id is the batch whose version this
--    was; replaced_by_batch_id the batch that replaced it.
create table spend_versions (
    version_batch_id      bigint  not null references batches (id),
    replaced_by_batch_id  bigint  not null references batches (id),
    source                text    not null,
    date                  date    not null,
    channel               text    not null,
    utm_source            text,
    utm_medium            text,
    utm_campaign          text,
    utm_content           text,
    utm_term              text,
    impressions           bigint  not null,
    clicks                bigint  not null,
    cost_minor            bigint  not null,
    currency              char(3) not null,
    conversions           numeric(20, 2)
);

create function spend_keep_replaced_version() returns trigger
language plpgsql as $$
begin
    insert into spend_versions (version_batch_id, replaced_by_batch_id, source, date, channel,
                                utm_source, utm_medium, utm_campaign, utm_content, utm_term,
                                impressions, clicks, cost_minor, currency, conversions)
    values (coalesce(old.updated_batch_id, old.batch_id), new.updated_batch_id, old.source,
            old.date, old.channel, old.utm_source, old.utm_medium, old.utm_campaign,
            old.utm_content, old.utm_term, old.impressions, old.clicks, old.cost_minor,
            old.currency, old.conversions);
    return new;
end
$$;

create trigger spend_keep_replaced_version
    before update on spend
    for each row
    when (new.updated_batch_id is not null)
    execute function spend_keep_replaced_version();
