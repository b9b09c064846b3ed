-- CRM webhook deliveries (POST /hooks/bitrix24/..., /hooks/amocrm/...), one row per reported change.
-- The key makes a redelivery of the same report a no-op: the vendor's timestamp of the change
-- ('ts:<unix seconds>') or, when the delivery has none, a SHA-256 of the change's fields
-- ('sha256:<hex>'). Rows stay pending (applied_at null) until the server's applier has run the
-- connection's incremental sync after them; a failed sync keeps them pending with its error and
-- the time of the next try. No payload is kept: deliveries can carry authentication.
create table webhook_events (
    id              bigint      generated always as identity primary key,
    source          text        not null,             -- bitrix24 | amocrm
    connection      text        not null,             -- the connection's name
    entity          text        not null,             -- lead | deal | contact | company
    entity_id       text        not null,             -- the record's id in the CRM
    action          text        not null,             -- add | update | delete | status | ...
    vendor_event    text        not null,             -- ONCRMDEALUPDATE, leads[status], ...
    occurred_at     timestamptz,                      -- the vendor's timestamp, if sent
    dedupe          text        not null,
    received_at     timestamptz not null,
    attempts        int         not null default 0,   -- failed syncs after this event
    next_attempt_at timestamptz,                      -- not before (backoff after a failure)
    last_error      text,
    applied_at      timestamptz,
    batch_id        bigint references batches (id),   -- the batch of the sync that applied it
    outcome         text,                             -- what applying it did, in words
    constraint webhook_events_key unique (source, connection, entity, entity_id, action, dedupe)
);

create index webhook_events_pending on webhook_events (connection, id) where applied_at is null;
