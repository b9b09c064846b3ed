-- The rejected rows of a batch as they were read, per file with its header, so they can be
-- downloaded, fixed in a spreadsheet and imported again (docs/store.md, "Rejected rows").
-- Fields stay raw text: a rejected row may have more or fewer fields than its header.

create table rejected_files (
    batch_id  bigint not null references batches (id),
    file      text   not null,
    header    text[] not null,
    primary key (batch_id, file)
);

create table rejected_rows (
    batch_id  bigint not null,
    file      text   not null,
    position  int    not null,
    line      bigint not null,
    fields    text[] not null,
    primary key (batch_id, file, position),
    foreign key (batch_id, file) references rejected_files (batch_id, file)
);
