-- Facilities as data for entry authorisation: security level, high-security areas, the current
-- alert level set by security staff, and visiting hours. Runs unchanged on H2 and PostgreSQL.
alter table facility add column security_level varchar(10) default 'MEDIUM' not null;
alter table facility add column alert_level varchar(10) default 'NORMAL' not null;
alter table facility add column alert_set_by varchar(64);
alter table facility add column alert_set_at timestamp with time zone;
alter table facility add column visiting_days varchar(100) default 'MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY' not null;
alter table facility add column visiting_from time default '09:00:00' not null;
alter table facility add column visiting_until time default '17:00:00' not null;
alter table facility add constraint ck_facility_security_level check (security_level in ('LOW', 'MEDIUM', 'HIGH', 'MAXIMUM'));
alter table facility add constraint ck_facility_alert_level check (alert_level in ('NORMAL', 'ELEVATED', 'CRITICAL'));
alter table facility add constraint ck_facility_visiting_hours check (visiting_from < visiting_until);

create table facility_high_security_area (
    facility_id uuid         not null,
    area        varchar(200) not null,
    primary key (facility_id, area),
    constraint fk_facility_high_security_area_facility foreign key (facility_id) references facility (id)
);
