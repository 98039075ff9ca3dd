-- What each person chose for their e-mail (platform/identity/UserPreferences) and what the
-- notification scans have already told (reminders, approaching breaches), issue 15.
-- Runs unchanged on H2 and PostgreSQL.

-- One row per user who chose something; a user without a row has the defaults (no language:
-- English; IMMEDIATE; optional notices on).
create table user_preference (
    user_id          varchar(64)  not null,
    -- en, fr, es, or null: no choice (mails in English, the portal in the browser's language)
    language         varchar(2),
    -- IMMEDIATE: one mail per new task; DAILY: one digest a day of the new tasks
    digest           varchar(10)  not null,
    -- false: the notices that may be switched off are not sent (required ones always are)
    optional_notices boolean      not null,
    updated_at       timestamp with time zone not null,
    constraint pk_user_preference primary key (user_id)
);

-- A notice stored for a user or groups keeps the values its texts show (a JSON array), so that the
-- sender writes each person's message in that person's language.
alter table mail_outbox add column notice_values varchar(4000);

-- What a scan has told once: a reminder of a deadline at an offset, an approaching breach of a
-- task. The primary key makes the first node's transaction win; another node or a later run skips.
create table mail_told (
    told_key   varchar(300) not null,
    told_at    timestamp with time zone not null,
    constraint pk_mail_told primary key (told_key)
);
