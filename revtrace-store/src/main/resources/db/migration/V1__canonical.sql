-- Canonical data of Revtrace (docs/store.md). Money is bigint minor units + ISO currency;
-- timestamps are timestamptz (UTC instants); every row belongs to the import batch that added it
-- and keeps its position in that batch, so rows load back in commit order. There is no index on
-- (batch_id, position): loads read whole tables, and every extra index slows bulk imports.
-- Row keys include the import source, so the same id from two CRMs is two rows. Keys of id-less
-- rows use NULLS NOT DISTINCT (PostgreSQL 15+) because an absent UTM tag is a value here.

create table batches (
    id                bigint generated always as identity primary key,
    source            text        not null,
    file_name         text        not null,
    content_hash      text        not null,
    committed_at      timestamptz not null default now(),
    offered_rows      bigint      not null default 0,
    stored_rows       bigint      not null default 0,
    quarantined_rows  bigint      not null default 0,
    constraint batches_content_key unique (source, content_hash)
);

create table quarantine (
    batch_id  bigint not null references batches (id),
    position  int    not null,
    file      text   not null,
    line      bigint not null,
    field     text   not null,
    code      text   not null,
    raw       text   not null,
    message   text   not null,
    primary key (batch_id, position)
);

-- ISO 4217 minor-unit digits of every currency stored, so views can show major units.
create table currencies (
    code             char(3)  primary key,
    fraction_digits  smallint not null check (fraction_digits between 0 and 4)
);

create table spend (
    batch_id      bigint  not null references batches (id),
    position      int     not null,
    source        text    not null,
    date          date    not null,
    channel       text    not null,
    utm_source    text,
    utm_medium    text,
    utm_campaign  text,
    utm_content   text,
    utm_term      text,
    impressions   bigint  not null check (impressions >= 0),
    clicks        bigint  not null check (clicks >= 0),
    cost_minor    bigint  not null,
    currency      char(3) not null,
    constraint spend_key unique nulls not distinct
        (source, date, channel, utm_source, utm_medium, utm_campaign, currency)
);

create table touchpoints (
    batch_id       bigint      not null references batches (id),
    position       int         not null,
    source         text        not null,
    touchpoint_id  text        not null,
    occurred_at    timestamptz not null,
    channel        text        not null,
    visitor_id     text,
    contact_id     text,
    account_id     text,
    type           text        not null,
    utm_source     text,
    utm_medium     text,
    utm_campaign   text,
    utm_content    text,
    utm_term       text,
    landing_page   text,
    referrer       text,
    constraint touchpoints_key unique (source, touchpoint_id)
);

create table leads (
    batch_id           bigint      not null references batches (id),
    position           int         not null,
    source             text        not null,
    lead_id            text        not null,
    created_at         timestamptz not null,
    contact_id         text,
    account_id         text,
    visitor_id         text,
    email              text,
    phone              text,
    channel            text,
    utm_source         text,
    utm_medium         text,
    utm_campaign       text,
    utm_content        text,
    utm_term           text,
    mql_at             timestamptz,
    sql_at             timestamptz,
    first_response_at  timestamptz,
    constraint leads_key unique (source, lead_id)
);

create table deals (
    batch_id      bigint      not null references batches (id),
    position      int         not null,
    source        text        not null,
    deal_id       text        not null,
    created_at    timestamptz not null,
    amount_minor  bigint      not null check (amount_minor >= 0),
    currency      char(3)     not null,
    account_id    text,
    contact_id    text,
    lead_id       text,
    stage         text,
    status        text        not null check (status in ('open', 'won', 'lost')),
    closed_at     timestamptz,
    product       text,
    constraint deals_key unique (source, deal_id)
);

create table stage_changes (
    batch_id    bigint      not null references batches (id),
    position    int         not null,
    source      text        not null,
    deal_id     text        not null,
    stage       text        not null,
    entered_at  timestamptz not null,
    constraint stage_changes_key unique (source, deal_id, stage, entered_at)
);

create table payments (
    batch_id      bigint      not null references batches (id),
    position      int         not null,
    source        text        not null,
    payment_id    text        not null,
    paid_at       timestamptz not null,
    amount_minor  bigint      not null,
    currency      char(3)     not null,
    deal_id       text,
    account_id    text,
    constraint payments_key unique (source, payment_id)
);

create table accounts (
    batch_id    bigint not null references batches (id),
    position    int    not null,
    source      text   not null,
    account_id  text   not null,
    name        text,
    domain      text,
    industry    text,
    size        text,
    region      text,
    tier        text,
    constraint accounts_key unique (source, account_id)
);

create table contacts (
    batch_id    bigint not null references batches (id),
    position    int    not null,
    source      text   not null,
    contact_id  text   not null,
    account_id  text,
    email       text,
    phone       text,
    role        text,
    constraint contacts_key unique (source, contact_id)
);

create table costs (
    batch_id      bigint  not null references batches (id),
    position      int     not null,
    source        text    not null,
    date          date    not null,
    category      text    not null
        check (category in ('marketing', 'sales', 'agency', 'tools', 'other')),
    amount_minor  bigint  not null,
    currency      char(3) not null,
    channel       text,
    constraint costs_key unique nulls not distinct
        (source, date, category, channel, amount_minor, currency)
);

create table rates (
    batch_id  bigint  not null references batches (id),
    position  int     not null,
    source    text    not null,
    date      date    not null,
    currency  char(3) not null,
    rate      numeric not null check (rate > 0),
    constraint rates_key unique (source, date, currency)
);
