-- Applying for accreditation in the portal (issue 15): the application an organisation is still
-- writing, and the supporting documents it uploads with it or with an answer to a request for
-- information. Runs unchanged on H2 and PostgreSQL.

-- One open draft per organisation: its answers so far as JSON (the request of
-- POST /api/v1/accreditations, partly filled in), kept until it is submitted.
create table application_draft (
    id               uuid          not null,
    organisation_id  uuid          not null,
    answers          varchar(100000) not null,
    updated_by       varchar(64)   not null,
    updated_at       timestamp with time zone not null,
    constraint pk_application_draft primary key (id),
    constraint uq_application_draft_organisation unique (organisation_id)
);

-- A document as uploaded: its type detected from its content, never from its name; the name is
-- kept (sanitised) only to be shown. It belongs to a draft until the draft is submitted, then to the
-- accreditation.
create table supporting_document (
    id                uuid          not null,
    organisation_id   uuid          not null,
    draft_id          uuid,
    accreditation_id  uuid,
    kind              varchar(40)   not null,
    file_name         varchar(200)  not null,
    media_type        varchar(100)  not null,
    size_bytes        bigint        not null,
    sha256            varchar(64)   not null,
    uploaded_by       varchar(64)   not null,
    uploaded_at       timestamp with time zone not null,
    constraint pk_supporting_document primary key (id)
);

create index ix_supporting_document_draft on supporting_document (draft_id);
create index ix_supporting_document_accreditation on supporting_document (accreditation_id);

-- The bytes, apart from the list's columns so that listing documents never reads them.
create table supporting_document_content (
    document_id  uuid   not null,
    content      bytea  not null,
    constraint pk_supporting_document_content primary key (document_id),
    constraint fk_supporting_document_content foreign key (document_id)
        references supporting_document (id) on delete cascade
);
