-- Reviewed deployments (the modelchange feature): a process owner's deployment is held, its process
-- definitions suspended, until a director or an administrator approves it. Runs unchanged on H2 and
-- PostgreSQL.

-- The engine's deployments held for review: nothing starts, calls or evaluates a version of theirs
-- while they are listed here (platform/process/HeldDeployments).
create table held_deployment (
    deployment_id varchar(64) not null,
    held_at       timestamp with time zone not null,
    constraint pk_held_deployment primary key (deployment_id)
);

-- One change a process owner submitted by deploying: what it changes against the live version,
-- and the review's outcome.
create table model_change (
    id              uuid          not null,
    reference       varchar(20)   not null,
    deployment_id   varchar(64)   not null,
    deployment_name varchar(255),
    deployment_source varchar(255),
    deployed_by     varchar(64)   not null,
    deployed_at     timestamp with time zone not null,
    model_keys      varchar(2000) not null,
    changes         varchar(20000) not null,
    status          varchar(20)   not null,
    decided_by      varchar(64),
    decided_at      timestamp with time zone,
    reasons         varchar(4000),
    migrate_running boolean       not null default false,
    constraint pk_model_change primary key (id),
    constraint uk_model_change_reference unique (reference),
    constraint uk_model_change_deployment unique (deployment_id)
);
