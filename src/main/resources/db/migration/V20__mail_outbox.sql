-- E-mail notifications through a transactional outbox (platform/mail): a message is stored in the
-- transaction of the change that causes it, and a sender delivers it afterwards, with retries.
-- Runs unchanged on H2 and PostgreSQL.
-- A notice is stored for a user (recipient_user_id) or for groups (recipient_groups, comma-separated)
-- without an address: the request that causes it never reads the user store. The sender resolves it
-- into one message per person with an address (status EXPANDED on the notice), then sends those.
create table mail_outbox (
    id                uuid          not null,
    recipient_user_id varchar(64),
    recipient_groups  varchar(1000),
    recipient_address varchar(320),
    language          varchar(16)   not null,
    subject           varchar(998)  not null,
    body_text         varchar(20000) not null,
    body_html         varchar(40000),
    link              varchar(2000),
    kind              varchar(60)   not null,
    created_at        timestamp with time zone not null,
    -- PENDING (waiting for its next attempt, or to be addressed), SENDING (claimed by one sender),
    -- SENT, FAILED; EXPANDED: a notice resolved into messages
    status            varchar(10)   not null,
    attempts          integer       not null default 0,
    next_attempt_at   timestamp with time zone not null,
    last_error        varchar(2000),
    sent_at           timestamp with time zone,
    -- which sender run claimed the message, and when: a claim left by a node that died is released
    claim_token       uuid,
    claimed_at        timestamp with time zone,
    constraint pk_mail_outbox primary key (id)
);

-- What the sender looks for at every run: pending messages whose next attempt is due.
create index ix_mail_outbox_due on mail_outbox (status, next_attempt_at);
