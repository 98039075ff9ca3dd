-- The SLA dashboard over a year of breaches: the chart reads the breaches since a day and the
-- unfiltered list pages them newest first; both by the time of the breach, which no index of V4
-- leads with. Measured with the SLA benchmark (README, "Service levels").
create index ix_sla_breach_breached on sla_breach (breached_at, task_id);
