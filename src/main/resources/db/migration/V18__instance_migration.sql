-- Migrations of running process instances that process owners start (platform/migration): the
-- engine's batch runs them; these rows keep which instances each one took, since the batch does
-- not say and is gone once done. Runs unchanged on H2 and PostgreSQL.

create table instance_migration (
    id           uuid         not null,
    process_key  varchar(255) not null,
    from_version integer      not null,
    to_version   integer      not null,
    to_definition_id varchar(64) not null,
    batch_id     varchar(64)  not null,
    started_by   varchar(64)  not null,
    started_at   timestamp with time zone not null,
    finished_at  timestamp with time zone,
    -- process key and source version while the migration runs, null once finished: two process
    -- owners starting the same migration at once cannot both store it
    running_key  varchar(300),
    constraint pk_instance_migration primary key (id),
    constraint uk_instance_migration_running unique (running_key)
);

create table instance_migration_item (
    migration_id        uuid         not null,
    process_instance_id varchar(64)  not null,
    business_key        varchar(255),
    constraint fk_instance_migration_item foreign key (migration_id) references instance_migration (id)
);

create index ix_instance_migration_item on instance_migration_item (migration_id);
