-- Coordination meetings get a readable reference (MTG-2026-0003), as accreditations, visits and
-- reports did in V10: the meetings that exist are numbered per year of their call, in the order they
-- were called, and the MTG counters are left at the last number given. Runs unchanged on H2 and
-- PostgreSQL.

alter table coordination_meeting add column reference varchar(20);

create view meeting_numbered as
    select id, 'MTG-' || case_year || '-'
               || case when n < 10000 then lpad(cast(n as varchar(9)), 4, '0')
                       else cast(n as varchar(9)) end as ref,
           case_year, n
    from (select id, case_year,
                 row_number() over (partition by case_year order by called_at, id) as n
          from (select id, called_at, cast(extract(year from called_at) as integer) as case_year
                from coordination_meeting) meetings) numbered;

update coordination_meeting set reference =
    (select ref from meeting_numbered m where m.id = coordination_meeting.id);
insert into case_reference_counter (prefix, case_year, last_number)
    select 'MTG', case_year, max(n) from meeting_numbered group by case_year;
drop view meeting_numbered;

alter table coordination_meeting alter column reference set not null;
alter table coordination_meeting add constraint uk_coordination_meeting_reference unique (reference);
