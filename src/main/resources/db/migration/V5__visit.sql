-- Entry authorisation: visits, their representatives at the gate, security's risk assessment
-- (staff-only, apart from the visit) and the once-per-person security briefing.
create table visit (
    id                      uuid         not null primary key,
    organisation_id         uuid         not null references organisation (id),
    facility_id             uuid         not null references facility (id),
    mandate_type            varchar(10)  not null,
    announced               boolean      not null,
    window_start            timestamp with time zone not null,
    window_end              timestamp with time zone not null,
    activity                varchar(200) not null,
    status                  varchar(20)  not null,
    requested_by            varchar(64)  not null,
    requested_at            timestamp with time zone not null,
    idempotency_key         varchar(100),
    rejection_reasons       varchar(8000),
    authorised_search_level varchar(20),
    conditions              varchar(4000),
    denial_reasons          varchar(4000),
    escort                  varchar(200),
    meeting_point           varchar(500),
    notice_issued_at        timestamp with time zone,
    checked_out_at          timestamp with time zone,
    checked_out_by          varchar(64),
    incident                varchar(4000),
    incident_at             timestamp with time zone,
    cancelled_by            varchar(64),
    cancellation_reasons    varchar(4000),
    constraint uk_visit_idempotency unique (organisation_id, idempotency_key)
);
create index ix_visit_organisation_status on visit (organisation_id, status);
create index ix_visit_organisation_incident on visit (organisation_id, incident_at);
create index ix_visit_window on visit (window_start);

create table visit_area (
    visit_id uuid         not null references visit (id),
    area     varchar(200) not null
);
create index ix_visit_area_visit on visit_area (visit_id);

create table visit_equipment (
    visit_id  uuid        not null references visit (id),
    equipment varchar(30) not null
);
create index ix_visit_equipment_visit on visit_equipment (visit_id);

create table visit_representative (
    visit_id             uuid not null references visit (id),
    representative_id    uuid not null references representative (id),
    acknowledged_at      timestamp with time zone,
    acknowledged_by      varchar(64),
    entry_outcome        varchar(20),
    applied_search_level varchar(20),
    items_found          varchar(2000),
    gate_recorded_at     timestamp with time zone,
    gate_recorded_by     varchar(64),
    primary key (visit_id, representative_id)
);
create index ix_visit_representative_person on visit_representative (representative_id, entry_outcome);

create table visit_risk_assessment (
    visit_id                        uuid          not null primary key references visit (id),
    first_visit                     boolean       not null,
    incidents_last_12_months        integer       not null,
    facility_security_level         varchar(10)   not null,
    alert_level                     varchar(10)   not null,
    high_security_areas_requested   boolean       not null,
    electronic_equipment            boolean       not null,
    proposed_risk                   varchar(10)   not null,
    proposed_rationale              varchar(2000) not null,
    risk                            varchar(10),
    override_reasons                varchar(4000),
    assessed_by                     varchar(64),
    assessed_at                     timestamp with time zone,
    search_level                    varchar(20),
    director_authorisation_required boolean,
    search_rationale                varchar(2000)
);

create table security_briefing (
    representative_id uuid        not null primary key references representative (id),
    visit_id          uuid        not null references visit (id),
    briefed_by        varchar(64) not null,
    briefed_at        timestamp with time zone not null,
    notes             varchar(2000)
);
