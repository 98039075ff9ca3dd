-- A follow-up visit names the recommendations it checks (of the organisation's own reports on the
-- same facility, once answered); after the visit the organisation records its finding on each,
-- shown beside the administration's own follow-up record. Runs unchanged on H2 and PostgreSQL.
create table visit_recommendation (
    visit_id           uuid not null references visit (id),
    recommendation_id  uuid not null references report_recommendation (id),
    constraint pk_visit_recommendation primary key (visit_id, recommendation_id)
);
create index ix_visit_recommendation_recommendation on visit_recommendation (recommendation_id);

create table recommendation_finding (
    id                 uuid          not null primary key,
    recommendation_id  uuid          not null references report_recommendation (id),
    visit_id           uuid          not null references visit (id),
    organisation_id    uuid          not null references organisation (id),
    status             varchar(20)   not null,
    text               varchar(4000) not null,
    recorded_by        varchar(64)   not null,
    recorded_at        timestamp with time zone not null,
    constraint ck_recommendation_finding_status check (status in ('IMPLEMENTED', 'PARTLY_IMPLEMENTED', 'NOT_IMPLEMENTED')),
    constraint uk_recommendation_finding_visit unique (visit_id, recommendation_id)
);
create index ix_recommendation_finding_recommendation on recommendation_finding (recommendation_id, recorded_at);
