-- An incident recorded at check-out becomes a case of its own: shown to the organisation, contested
-- with its account within a period, decided by the director with reasons. Only an upheld incident
-- (decided so, or not contested in time) counts in later risk assessments. One incident per visit
-- (the check-out records one). Runs unchanged on H2 and PostgreSQL.
create table visit_incident (
    visit_id               uuid          not null primary key references visit (id),
    organisation_id        uuid          not null references organisation (id),
    representative_id      uuid,
    description            varchar(4000) not null,
    recorded_at            timestamp with time zone not null,
    recorded_by            varchar(64)   not null,
    contest_deadline       timestamp with time zone not null,
    status                 varchar(20)   not null,
    contest_account        varchar(8000),
    contested_at           timestamp with time zone,
    contested_by           varchar(64),
    decision_reasons       varchar(4000),
    decided_at             timestamp with time zone,
    decided_by             varchar(64),
    constraint ck_visit_incident_status check (status in ('OPEN', 'CONTESTED', 'UPHELD', 'UPHELD_UNCONTESTED', 'DISMISSED'))
);
create index ix_visit_incident_organisation on visit_incident (organisation_id);
create index ix_visit_incident_representative on visit_incident (representative_id);

-- Incidents recorded before they could be contested counted in every later risk assessment; they
-- keep counting, as upheld without contest, rather than silently lowering the risk of visits now
-- under review.
insert into visit_incident (visit_id, organisation_id, description, recorded_at, recorded_by,
                            contest_deadline, status)
select id, organisation_id, incident, incident_at, coalesce(checked_out_by, 'system'), incident_at,
       'UPHELD_UNCONTESTED'
from visit
where incident is not null and incident_at is not null;
