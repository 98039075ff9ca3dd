-- Coordination meetings between the authorities and an organisation (before, during or after its
-- work: a visit programme, a report), their participants from both sides, the actions they agreed
-- with an owner and a due date (each tracked to done), and the organisation's comments on the
-- authorities' answers to its report's recommendations. Runs unchanged on H2 and PostgreSQL.

create table coordination_meeting (
    id                  uuid          not null primary key,
    organisation_id     uuid          not null,
    report_id           uuid,
    of_review           boolean       default false not null,
    agenda              varchar(4000) not null,
    planned_for         date,
    called_by           varchar(64)   not null,
    called_by_organisation boolean    not null,
    called_at           timestamp with time zone not null,
    held_on             date,
    minutes             varchar(8000),
    recorded_by         varchar(64),
    recorded_at         timestamp with time zone,
    constraint fk_coordination_meeting_organisation foreign key (organisation_id) references organisation (id),
    constraint fk_coordination_meeting_report foreign key (report_id) references report (id)
);
create index ix_coordination_meeting_organisation on coordination_meeting (organisation_id);
create index ix_coordination_meeting_report on coordination_meeting (report_id);

create table meeting_participant (
    id          uuid         not null primary key,
    meeting_id  uuid         not null,
    position    integer      not null,
    side        varchar(20)  not null,
    name        varchar(200) not null,
    constraint fk_meeting_participant_meeting foreign key (meeting_id) references coordination_meeting (id),
    constraint uk_meeting_participant_position unique (meeting_id, position),
    constraint ck_meeting_participant_side check (side in ('AUTHORITIES', 'ORGANISATION'))
);
create index ix_meeting_participant_meeting on meeting_participant (meeting_id);

create table agreed_action (
    id            uuid          not null primary key,
    meeting_id    uuid          not null,
    position      integer       not null,
    description   varchar(2000) not null,
    owner_name    varchar(200)  not null,
    owner_side    varchar(20)   not null,
    due_on        date          not null,
    done_at       timestamp with time zone,
    done_by       varchar(64),
    done_note     varchar(4000),
    constraint fk_agreed_action_meeting foreign key (meeting_id) references coordination_meeting (id),
    constraint uk_agreed_action_position unique (meeting_id, position),
    constraint ck_agreed_action_side check (owner_side in ('AUTHORITIES', 'ORGANISATION'))
);
create index ix_agreed_action_meeting on agreed_action (meeting_id);

create table answer_comment (
    id                 uuid          not null primary key,
    report_id          uuid          not null,
    recommendation_id  uuid          not null,
    comment            varchar(4000) not null,
    commented_by       varchar(64)   not null,
    commented_at       timestamp with time zone not null,
    constraint fk_answer_comment_report foreign key (report_id) references report (id),
    constraint fk_answer_comment_recommendation foreign key (recommendation_id) references report_recommendation (id)
);
create index ix_answer_comment_recommendation on answer_comment (recommendation_id);
