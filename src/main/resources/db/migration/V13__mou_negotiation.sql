-- The MoU drafted together (issue 13): the director's conditions of approval become a clause, the
-- NGO agrees to a version or proposes amendments clause by clause, every version is kept.
-- Runs unchanged on H2 and PostgreSQL.

alter table accreditation add column approval_conditions varchar(4000);
alter table mou add column conditions varchar(4000);
alter table mou add column agreed_version integer;
alter table mou add column agreed_by varchar(64);
alter table mou add column agreed_at timestamp with time zone;

create table mou_version (
    id             uuid           not null primary key,
    mou_id         uuid           not null,
    version        integer        not null,
    changed_by     varchar(64)    not null,
    changed_at     timestamp with time zone not null,
    change_summary varchar(12000) not null,
    constraint uk_mou_version unique (mou_id, version),
    constraint fk_mou_version_mou foreign key (mou_id) references mou (id)
);

create table mou_version_clause (
    mou_version_id uuid          not null,
    clause         varchar(40)   not null,
    clause_text    varchar(4000),
    primary key (mou_version_id, clause),
    constraint fk_mou_version_clause_version foreign key (mou_version_id) references mou_version (id)
);

create table mou_amendment (
    id              uuid          not null primary key,
    mou_id          uuid          not null,
    against_version integer       not null,
    clause          varchar(40)   not null,
    proposed_text   varchar(4000) not null,
    reason          varchar(4000) not null,
    proposed_by     varchar(64)   not null,
    proposed_at     timestamp with time zone not null,
    answer          varchar(20),
    answer_text     varchar(4000),
    answer_reasons  varchar(4000),
    answered_by     varchar(64),
    answered_at     timestamp with time zone,
    constraint fk_mou_amendment_mou foreign key (mou_id) references mou (id),
    constraint ck_mou_amendment_answer check (answer in ('ACCEPTED', 'REJECTED', 'COUNTER_PROPOSED'))
);
create index ix_mou_amendment_mou on mou_amendment (mou_id, against_version);

-- A renewal is a new application linked to the accreditation it renews; its term starts when the
-- old one ends.
alter table accreditation add column renewal_of uuid;
alter table accreditation add constraint fk_accreditation_renewal_of foreign key (renewal_of) references accreditation (id);
