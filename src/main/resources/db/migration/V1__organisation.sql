-- Organisations working with the prison administration, and the binding of each NGO user to one.
-- Runs unchanged on H2 and PostgreSQL.
create table organisation (
    id           uuid         not null primary key,
    name         varchar(200) not null,
    mandate_type varchar(10)  not null,
    created_at   timestamp with time zone not null,
    constraint uk_organisation_name unique (name),
    constraint ck_organisation_mandate_type check (mandate_type in ('NPM', 'ICRC', 'NGO'))
);

create table organisation_member (
    user_id         varchar(64) not null primary key,
    organisation_id uuid        not null,
    constraint fk_organisation_member_organisation foreign key (organisation_id) references organisation (id)
);

create index ix_organisation_member_organisation on organisation_member (organisation_id);
