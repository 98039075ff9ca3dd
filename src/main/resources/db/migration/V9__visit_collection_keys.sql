-- A visit names each area and each item of equipment once: the keys that the visit's sets imply,
-- so that the database refuses a second copy of a row instead of storing it (visit_representative
-- has had its key from the start). The keys lead with visit_id and replace V5's indexes on it.
-- Runs unchanged on H2 and PostgreSQL.
alter table visit_area add constraint pk_visit_area primary key (visit_id, area);
alter table visit_equipment add constraint pk_visit_equipment primary key (visit_id, equipment);
drop index ix_visit_area_visit;
drop index ix_visit_equipment_visit;
