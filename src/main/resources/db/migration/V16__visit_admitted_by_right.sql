-- A formal monitor's visit (NPM, ICRC) goes to the gate by right: unannounced, or still undecided
-- when the gate opens. When that happened is kept with the visit, so that its record and the search
-- notice say the level is the mandate's default and not the outcome of a staff decision.
-- Runs unchanged on H2 and PostgreSQL.
alter table visit add column admitted_by_right_at timestamp with time zone;
