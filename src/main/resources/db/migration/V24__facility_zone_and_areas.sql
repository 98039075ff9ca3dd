-- Each facility's time zone (an IANA id such as Europe/Paris): visit windows, the MoU's days and
-- hours and the portal's times are read in it. Existing facilities take the configured default,
-- invisible-bars.facilities.default-zone, which Flyway receives as a placeholder
-- (spring.flyway.placeholders.facility-default-zone).
-- The areas of a facility that a visit may ask for, by name, as the NGO portal offers them; which
-- of them are high-security stays in facility_high_security_area, which NGOs never see.
-- Runs unchanged on H2 and PostgreSQL.
alter table facility add column zone varchar(64) default '${facility-default-zone}' not null;

create table facility_area (
    facility_id uuid         not null,
    area        varchar(200) not null,
    primary key (facility_id, area),
    constraint fk_facility_area_facility foreign key (facility_id) references facility (id)
);
