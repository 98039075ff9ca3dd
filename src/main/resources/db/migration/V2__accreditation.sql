-- NGO accreditation: facilities (as far as accreditation needs them), representatives, the
-- application and its review, the MoU with its clauses, and the log of human decisions.
-- Runs unchanged on H2 and PostgreSQL.

alter table organisation add column network_name varchar(200);
alter table organisation add column religious_based boolean default false not null;

create table facility (
    id                uuid         not null primary key,
    name              varchar(200) not null,
    liaison_capacity  integer      not null,
    constraint uk_facility_name unique (name),
    constraint ck_facility_liaison_capacity check (liaison_capacity >= 0)
);

create table representative (
    id              uuid         not null primary key,
    organisation_id uuid         not null,
    full_name       varchar(200) not null,
    role            varchar(200),
    constraint fk_representative_organisation foreign key (organisation_id) references organisation (id)
);
create index ix_representative_organisation on representative (organisation_id);

create table accreditation (
    id                    uuid         not null primary key,
    organisation_id       uuid         not null,
    status                varchar(30)  not null,
    mandate_type          varchar(10)  not null,
    programme_type        varchar(30)  not null,
    mandate_reference     varchar(500),
    mandate_issuing_body  varchar(200),
    mandate_valid_until   date,
    proposed_activity     varchar(4000) not null,
    swot                  varchar(4000),
    partners              varchar(2000),
    sustainability_months integer      not null,
    information_requested varchar(4000),
    information_supplied  varchar(4000),
    score                 integer,
    recommendation        varchar(30),
    recommendation_rationale varchar(2000),
    capacity_full         boolean,
    suggested_networks    varchar(2000),
    staff_consultation    varchar(4000),
    term_start            date,
    term_end              date,
    submitted_by          varchar(64)  not null,
    submitted_at          timestamp with time zone not null,
    idempotency_key       varchar(100),
    constraint fk_accreditation_organisation foreign key (organisation_id) references organisation (id),
    constraint ck_accreditation_mandate_type check (mandate_type in ('NPM', 'ICRC', 'NGO')),
    constraint ck_accreditation_programme_type check (programme_type in ('MONITORING', 'ANTI_CORRUPTION', 'FAMILY_LIAISON', 'PRISON_SERVICES')),
    constraint ck_accreditation_sustainability check (sustainability_months >= 0),
    constraint uk_accreditation_idempotency unique (organisation_id, idempotency_key)
);
create index ix_accreditation_organisation on accreditation (organisation_id);
create index ix_accreditation_status on accreditation (status);

create table accreditation_facility (
    accreditation_id uuid not null,
    facility_id      uuid not null,
    primary key (accreditation_id, facility_id),
    constraint fk_accreditation_facility_accreditation foreign key (accreditation_id) references accreditation (id),
    constraint fk_accreditation_facility_facility foreign key (facility_id) references facility (id)
);
create index ix_accreditation_facility_facility on accreditation_facility (facility_id);

create table accreditation_representative (
    accreditation_id  uuid        not null,
    representative_id uuid        not null,
    vetting           varchar(10) default 'PENDING' not null,
    vetting_reasons   varchar(2000),
    primary key (accreditation_id, representative_id),
    constraint fk_accreditation_representative_accreditation foreign key (accreditation_id) references accreditation (id),
    constraint fk_accreditation_representative_representative foreign key (representative_id) references representative (id),
    constraint ck_accreditation_representative_vetting check (vetting in ('PENDING', 'CLEARED', 'REFUSED'))
);

create table accreditation_rating (
    accreditation_id uuid         not null,
    criterion        varchar(20)  not null,
    rating           integer      not null,
    evidence         varchar(2000) not null,
    primary key (accreditation_id, criterion),
    constraint fk_accreditation_rating_accreditation foreign key (accreditation_id) references accreditation (id),
    constraint ck_accreditation_rating_criterion check (criterion in ('KNOWLEDGE', 'EXPERTISE', 'PERFORMANCE', 'TRACK_RECORD', 'COMMITMENT', 'FUNDS', 'REPUTATION')),
    constraint ck_accreditation_rating_range check (rating between 1 and 5)
);

create table mou (
    id                       uuid          not null primary key,
    accreditation_id         uuid          not null,
    version                  integer       not null,
    mandate_and_expectations varchar(4000) not null,
    responsibilities         varchar(4000) not null,
    days                     varchar(200)  not null,
    hours                    varchar(200)  not null,
    procedures               varchar(4000) not null,
    allowed_activities       varchar(4000) not null,
    excluded_areas           varchar(4000) not null,
    confidentiality_days     integer       default 30 not null,
    term_months              integer       default 12 not null,
    continuity_plan          varchar(4000),
    universal_access         boolean       default false not null,
    countersigned_by         varchar(200),
    countersigned_at         timestamp with time zone,
    signed_by                varchar(64),
    signed_at                timestamp with time zone,
    constraint uk_mou_accreditation unique (accreditation_id),
    constraint fk_mou_accreditation foreign key (accreditation_id) references accreditation (id),
    constraint ck_mou_confidentiality_days check (confidentiality_days between 1 and 365),
    constraint ck_mou_term_months check (term_months between 1 and 60)
);

create table mou_representative (
    mou_id            uuid not null,
    representative_id uuid not null,
    primary key (mou_id, representative_id),
    constraint fk_mou_representative_mou foreign key (mou_id) references mou (id),
    constraint fk_mou_representative_representative foreign key (representative_id) references representative (id)
);

-- Every human decision of every process: who, when, what and why. The subject is the business
-- key of the process (an accreditation id here; visits and reports later).
create table decision_log (
    id           uuid          not null primary key,
    subject_type varchar(30)   not null,
    subject_id   uuid          not null,
    task         varchar(100)  not null,
    decision     varchar(50)   not null,
    reasons      varchar(12000),
    decided_by   varchar(64)   not null,
    decided_at   timestamp with time zone not null
);
create index ix_decision_log_subject on decision_log (subject_type, subject_id, decided_at);
