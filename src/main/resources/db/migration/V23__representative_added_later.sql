-- A representative the organisation adds after its application (through the portal or the API) is
-- vetted by a representative-vetting process of its own, not by the application's vetting tasks,
-- which list only the people the application named. Runs unchanged on H2 and PostgreSQL.
alter table accreditation_representative add column added_later boolean default false not null;
