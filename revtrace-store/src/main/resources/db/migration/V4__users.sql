-- Users of the web server and their API tokens (docs/server.md, "Users, roles and tokens").
-- Passwords are BCrypt hashes; tokens are 32 random bytes kept only as hex SHA-256, so a database
-- dump reveals neither. Roles: admin ⊃ analyst ⊃ viewer.

create table users (
    username       text        primary key check (username ~ '^[a-z0-9._-]{2,64}$'),
    password_hash  text        not null,
    role           text        not null check (role in ('admin', 'analyst', 'viewer')),
    enabled        boolean     not null default true,
    created_at     timestamptz not null default now(),
    last_login     timestamptz
);

create table api_tokens (
    id          bigint      generated always as identity primary key,
    name        text        not null,
    token_hash  char(64)    not null unique,
    owner       text        not null references users (username),
    -- At most the owner's role when issued; a token never acts above its owner's current role.
    role        text        not null check (role in ('admin', 'analyst', 'viewer')),
    created_at  timestamptz not null default now(),
    last_used   timestamptz,
    revoked_at  timestamptz
);

create index api_tokens_owner on api_tokens (owner);
