-- A report is released to its organisation at the end of its review (or on a waiver) and reaches
-- the public register only on the organisation's own request, after redaction and with its
-- consent. Until now the end of the review posted the report publicly: those rows become releases
-- (with the reason they were released for) and leave the register, as nobody consented to them.
-- The allegation's details and the people a report names are kept apart from the findings, so a
-- public version never carries them. A formal mandate's report follows its mandate: the review
-- days an NPM's mandate gives are registered with it. Runs unchanged on H2 and PostgreSQL.
alter table report drop constraint ck_report_status;
alter table report add column mandate_type varchar(10) default 'NGO' not null;
alter table report add column allegation_details varchar(8000);
alter table report add column waiver_reasons varchar(4000);
alter table report add column release_reason varchar(20);
alter table report add column released_at timestamp with time zone;
update report set release_reason = case
        when waived_at is not null then 'WAIVED'
        when status = 'PUBLISHED' then 'WITH_RESPONSE'
        else 'NO_RESPONSE' end,
    released_at = published_at
  where status in ('PUBLISHED', 'RELEASED');
update report set status = 'RELEASED', published_at = null where status = 'PUBLISHED';
alter table report add constraint ck_report_status
    check (status in ('UNDER_REVIEW', 'RELEASED', 'KEPT_CONFIDENTIAL', 'PUBLISHED'));
alter table report add constraint ck_report_release_reason
    check (release_reason is null or release_reason in ('NO_RESPONSE', 'WITH_RESPONSE', 'WAIVED'));
alter table report add constraint ck_report_mandate_type check (mandate_type in ('NGO', 'NPM', 'ICRC'));

create table report_person (
    report_id  uuid         not null,
    full_name  varchar(200) not null,
    constraint pk_report_person primary key (report_id, full_name),
    constraint fk_report_person_report foreign key (report_id) references report (id)
);

create table report_publication (
    report_id              uuid          not null primary key,
    status                 varchar(20)   not null,
    version                integer       not null,
    requested_by           varchar(64)   not null,
    requested_at           timestamp with time zone not null,
    changes_requested      varchar(4000),
    public_title           varchar(300),
    public_good_practices  varchar(8000),
    public_findings        varchar(8000),
    public_recommendations varchar(8000),
    public_response        varchar(8000),
    redacted_by            varchar(64),
    redacted_at            timestamp with time zone,
    consented_by           varchar(64),
    consented_at           timestamp with time zone,
    consented_version      integer,
    published_at           timestamp with time zone,
    withdrawn_by           varchar(64),
    withdrawn_at           timestamp with time zone,
    withdrawal_reasons     varchar(4000),
    constraint fk_report_publication_report foreign key (report_id) references report (id),
    constraint ck_report_publication_status
        check (status in ('REDACTION', 'AWAITING_CONSENT', 'PUBLISHED', 'WITHDRAWN'))
);
create index ix_report_publication_status on report_publication (status);

alter table accreditation add column mandate_review_days integer;
alter table accreditation add constraint ck_accreditation_mandate_review_days
    check (mandate_review_days is null or mandate_review_days between 1 and 365);
