-- Where each connector sync of `revtrace sync` got to: one row per connection and entity. The cursor
-- is the connector's own JSON (a CRM's modification time and last id, an ad source's last day), so
-- the store needs no knowledge of connectors. Written right after the sync's batch is committed.
create table sync_cursors (
    connection  text        not null,
    entity      text        not null,
    cursor      text        not null,
    updated_at  timestamptz not null,
    primary key (connection, entity)
);
