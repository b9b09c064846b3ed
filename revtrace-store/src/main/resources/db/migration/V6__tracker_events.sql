-- Web tracker events (tracker.js → POST /collect). Appended by the collector's writer in group
-- commits; an event id is stored once (the tracker may resend after a network error).
create table tracker_events (
    seq           bigint      generated always as identity primary key,
    event_id      text        not null unique,
    received_at   timestamptz not null,
    visitor_id    text        not null,
    type          text        not null,
    url           text        not null,
    referrer      text,
    utm_source    text,
    utm_medium    text,
    utm_campaign  text,
    utm_content   text,
    utm_term      text,
    click_id      text,
    click_id_kind text
);

create index tracker_events_visitor on tracker_events (visitor_id, received_at);
