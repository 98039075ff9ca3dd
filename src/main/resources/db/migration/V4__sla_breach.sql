-- SLA breaches: one row per task that passed its due date, written once whichever application
-- node sees it first (unique task id), resolved when the task completes.
create table sla_breach (
    id                  uuid         not null primary key,
    task_id             varchar(64)  not null,
    process_key         varchar(255) not null,
    task_key            varchar(255) not null,
    process_instance_id varchar(64),
    business_key        varchar(255),
    assignee            varchar(255),
    candidate_groups    varchar(1000),
    escalation_group    varchar(255),
    due_at              timestamp with time zone not null,
    breached_at         timestamp with time zone not null,
    resolved_at         timestamp with time zone,
    constraint uk_sla_breach_task unique (task_id)
);
create index ix_sla_breach_open on sla_breach (resolved_at, breached_at);
create index ix_sla_breach_process_task on sla_breach (process_key, task_key, breached_at);
