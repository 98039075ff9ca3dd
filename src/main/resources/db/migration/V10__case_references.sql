-- Readable case references (ACC-2026-0012, VIS-2026-0345, REP-2026-0007): one counter per kind and
-- year, locked by the transaction that stores a case (platform/reference/CaseReferences), and a
-- unique reference on each case table. Existing cases are numbered in the order they were created,
-- per year of creation. Runs unchanged on H2 and PostgreSQL.

create table case_reference_counter (
    prefix      varchar(3) not null,
    case_year   integer    not null,
    last_number integer    not null,
    constraint pk_case_reference_counter primary key (prefix, case_year)
);

alter table accreditation add column reference varchar(20);
alter table visit add column reference varchar(20);
alter table report add column reference varchar(20);

-- Every case with its prefix and year, numbered per prefix and year in the order of creation.
create view case_numbered as
    select kind, id, prefix || '-' || case_year || '-'
               || case when n < 10000 then lpad(cast(n as varchar(9)), 4, '0')
                       else cast(n as varchar(9)) end as ref,
           prefix, case_year, n
    from (select kind, id, prefix, case_year,
                 row_number() over (partition by prefix, case_year order by created_at, id) as n
          from (select 'accreditation' as kind, id, 'ACC' as prefix, submitted_at as created_at,
                       cast(extract(year from submitted_at) as integer) as case_year
                from accreditation
                union all
                select 'visit', id, 'VIS', requested_at,
                       cast(extract(year from requested_at) as integer)
                from visit
                union all
                select 'report', id, 'REP', submitted_at,
                       cast(extract(year from submitted_at) as integer)
                from report) cases) numbered;

update accreditation set reference =
    (select ref from case_numbered c where c.kind = 'accreditation' and c.id = accreditation.id);
update visit set reference = (select ref from case_numbered c where c.kind = 'visit' and c.id = visit.id);
update report set reference = (select ref from case_numbered c where c.kind = 'report' and c.id = report.id);
insert into case_reference_counter (prefix, case_year, last_number)
    select prefix, case_year, max(n) from case_numbered group by prefix, case_year;
drop view case_numbered;

alter table accreditation alter column reference set not null;
alter table visit alter column reference set not null;
alter table report alter column reference set not null;
alter table accreditation add constraint uk_accreditation_reference unique (reference);
alter table visit add constraint uk_visit_reference unique (reference);
alter table report add constraint uk_report_reference unique (reference);

-- What the SLA dashboard shows of a breach, recorded with it: the task's name and the case's
-- reference, organisation and facility. Breaches recorded before stay without them (the dashboard
-- falls back to the task's key and the business key).
alter table sla_breach add column task_name varchar(255);
alter table sla_breach add column case_reference varchar(255);
alter table sla_breach add column organisation_name varchar(200);
alter table sla_breach add column facility_name varchar(200);
