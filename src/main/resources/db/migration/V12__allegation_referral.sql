-- Allegations go outside the prison's chain (issue 13): the NGO's own referrals of its allegation
-- to a competent body (the allegation itself, report.allegation_details, comes with V11). Runs unchanged on H2 and PostgreSQL.

create table report_own_referral (
    id              uuid          not null primary key,
    report_id       uuid          not null references report (id),
    competent_body  varchar(300)  not null,
    reference       varchar(200)  not null,
    referred_on     date          not null,
    recorded_by     varchar(64)   not null,
    recorded_at     timestamp with time zone not null
);

create index report_own_referral_report on report_own_referral (report_id, recorded_at);
