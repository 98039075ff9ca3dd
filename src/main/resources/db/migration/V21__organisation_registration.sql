-- Organisations register themselves (the registration feature): a request with a verified e-mail
-- address, reviewed by a liaison officer in Tasklist; approval creates the organisation and its first
-- NGO user, who sets a password through a single-use link. Runs unchanged on H2 and PostgreSQL.
create table organisation_registration (
    id                    uuid          not null,
    reference             varchar(20)   not null,
    organisation_name     varchar(200)  not null,
    country               varchar(100)  not null,
    registration_number   varchar(100),
    network_name          varchar(200),
    religious_based       boolean       not null,
    description           varchar(2000) not null,
    contact_first_name    varchar(100)  not null,
    contact_last_name     varchar(100)  not null,
    email                 varchar(320)  not null,
    -- the address in lower case while the request is open (awaiting verification or review), null
    -- once it is closed: one open request per address, whatever the case, by a plain unique key
    -- (both databases allow many nulls)
    open_email_key        varchar(320),
    -- AWAITING_VERIFICATION, AWAITING_REVIEW, APPROVED, REJECTED, EXPIRED
    status                varchar(25)   not null,
    created_at            timestamp with time zone not null,
    -- the single-use links: only a SHA-256 hash of each token is stored (hex), with its expiry
    verification_hash     varchar(64)   not null,
    verification_expires_at timestamp with time zone not null,
    verified_at           timestamp with time zone,
    decided_by            varchar(64),
    decided_at            timestamp with time zone,
    reasons               varchar(4000),
    organisation_id       uuid,
    user_id               varchar(64),
    activation_hash       varchar(64),
    activation_expires_at timestamp with time zone,
    activated_at          timestamp with time zone,
    constraint pk_organisation_registration primary key (id),
    constraint uk_organisation_registration_reference unique (reference),
    constraint uk_organisation_registration_open_email unique (open_email_key),
    constraint uk_organisation_registration_verification unique (verification_hash),
    constraint uk_organisation_registration_activation unique (activation_hash),
    constraint uk_organisation_registration_user unique (user_id)
);

-- What the expiry sweep looks for: requests still awaiting verification past their link's expiry.
create index ix_organisation_registration_status on organisation_registration (status, verification_expires_at);
