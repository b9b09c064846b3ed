-- Connections to CRMs and ad platforms (docs/settings.md): the store is their one source of truth;
-- `revtrace connect`, `revtrace sync --config FILE` and the settings page write here. Settings are a
-- flat JSON object of text values (never a secret). A secret entered on the page is kept in
-- `secrets` as {"token": "v1:<key id>:<base64 of nonce, AES-256-GCM ciphertext and tag>"}; the key
-- never enters the database. A secret may instead live in an environment variable named by a
-- `*_env` setting.
create table connections (
    id                  bigint      generated always as identity primary key,
    name                text        not null unique
                                    check (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$'),
    source              text        not null,
    settings            jsonb       not null default '{}',
    secrets             jsonb       not null default '{}',
    enabled             boolean     not null default true,
    -- Minutes between scheduled syncs in the server; 0: no scheduled sync.
    sync_every_minutes  integer     not null default 60 check (sync_every_minutes >= 0),
    created_at          timestamptz not null,
    created_by          text        not null,
    updated_at          timestamptz not null,
    updated_by          text        not null
);

-- One row per finished sync of a connection, whatever started it. The error text is redacted
-- before it is written (no secret value ever reaches this table).
create table sync_runs (
    id                bigint      generated always as identity primary key,
    connection_id     bigint      not null references connections (id) on delete cascade,
    trigger           text        not null check (trigger in ('manual', 'schedule', 'cli')),
    started_by        text,
    started_at        timestamptz not null,
    finished_at       timestamptz not null,
    status            text        not null check (status in ('ok', 'failed')),
    rows_read         bigint      not null default 0,
    rows_kept         bigint      not null default 0,
    rows_quarantined  bigint      not null default 0,
    batch_id          bigint      references batches (id) on delete set null,
    error             text,
    check (finished_at >= started_at),
    check ((status = 'failed') = (error is not null))
);

create index sync_runs_connection on sync_runs (connection_id, started_at desc);
