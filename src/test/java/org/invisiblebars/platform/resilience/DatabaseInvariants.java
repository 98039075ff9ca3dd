package org.invisiblebars.platform.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.invisiblebars.platform.resilience.InFlightWork.Acknowledged;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * What must hold in the database after a crash or a run on two nodes, read with plain SQL once the
 * nodes are stopped: every acknowledged write is there, no domain row lacks its process instance
 * (nor the reverse), each timer job ran successfully exactly once, each breach is recorded once.
 */
final class DatabaseInvariants implements AutoCloseable {

  private final SingleConnectionDataSource dataSource;

  /** The business key of the visit whose id is the parameter: its reference. */
  static final String VISIT_KEY = "(select reference from visit where cast(id as varchar) = ?)";

  private final JdbcTemplate jdbc;

  DatabaseInvariants(String url, String user, String password) {
    this.dataSource = new SingleConnectionDataSource(url, user, password, true);
    this.jdbc = new JdbcTemplate(dataSource);
  }

  /** Every write answered 2xx is in its table. */
  void assertNothingAcknowledgedIsLost(Collection<Acknowledged> acknowledged) {
    Map<String, Set<String>> byKind =
        acknowledged.stream()
            .collect(
                Collectors.groupingBy(
                    Acknowledged::kind, Collectors.mapping(Acknowledged::id, Collectors.toSet())));
    Map<String, String> lost = new TreeMap<>();
    byKind.forEach(
        (table, ids) -> {
          Set<String> missing = new HashSet<>(ids);
          missing.removeAll(ids(table));
          if (!missing.isEmpty()) {
            lost.put(
                table, missing.size() + " of " + ids.size() + " acknowledged are gone: " + missing);
          }
        });
    assertThat(lost).as("acknowledged writes lost").isEmpty();
  }

  /** Each accreditation and visit has its process instance, and each instance its row. */
  void assertNothingIsHalfDone() {
    Set<String> accreditationInstances = businessKeys("ngo-accreditation");
    Set<String> applications =
        strings("select reference from accreditation where submitted_by <> 'demo'");
    assertThat(applications)
        .as("accreditations applied for through the API without their process instance")
        .allMatch(accreditationInstances::contains);
    assertThat(accreditationInstances)
        .as("accreditation process instances without their accreditation")
        .allMatch(references("accreditation")::contains);
    Set<String> visitInstances = businessKeys("entry-authorisation");
    assertThat(references("visit"))
        .as("visits without their process instance")
        .allMatch(visitInstances::contains);
    assertThat(visitInstances)
        .as("visit process instances without their visit")
        .allMatch(references("visit")::contains);
  }

  /**
   * Each visit's escalation timer fired exactly once: one successful execution of its job, one
   * escalation in the decision log, and the director told but never made a candidate of security's
   * risk assessment (issue 13: escalation informs; only groups that may do the work complete it).
   */
  void assertEscalatedOnce(List<String> visits) {
    for (String visit : visits) {
      String instance =
          jdbc.queryForObject(
              "select id_ from act_hi_procinst where business_key_ = " + VISIT_KEY,
              String.class,
              visit);
      assertThat(
              count(
                  "act_hi_job_log where process_instance_id_ = ? and act_id_ = 'Timer_DecisionOverdue'"
                      + " and job_state_ = 2",
                  instance))
          .as("successful runs of the escalation timer of visit %s", visit)
          .isEqualTo(1);
      assertThat(
              count(
                  "act_hi_actinst where proc_inst_id_ = ? and act_id_ = 'Task_EscalateVisitDecision'",
                  instance))
          .as("escalations of visit %s in the engine's history", visit)
          .isEqualTo(1);
      assertThat(
              count(
                  "decision_log where cast(subject_id as varchar) = ? and decision = 'ESCALATED'",
                  visit))
          .as("escalations of visit %s in the decision log", visit)
          .isEqualTo(1);
      assertThat(
              jdbc.queryForList(
                  "select count(*) from act_ru_identitylink l join act_ru_task t on l.task_id_ = t.id_"
                      + " where t.proc_inst_id_ = ? and l.group_id_ = 'director' group by l.task_id_",
                  Integer.class,
                  instance))
          .as("the director as candidate of the open task of visit %s", visit)
          .isEmpty();
    }
  }

  /**
   * Each open risk assessment of these visits, overdue since its escalation, is recorded as a
   * breach exactly once.
   */
  void assertBreachedOnce(List<String> visits) {
    for (String visit : visits) {
      assertThat(
              count(
                  "sla_breach where business_key = "
                      + VISIT_KEY
                      + " and task_key = 'Task_AssessVisitRisk'",
                  visit))
          .as("breaches of the risk assessment of visit %s", visit)
          .isEqualTo(1);
    }
    assertThat(
            jdbc.queryForList(
                "select task_id from sla_breach group by task_id having count(*) > 1",
                String.class))
        .as("tasks with more than one breach")
        .isEmpty();
  }

  /**
   * Successful job executions per host name ({@code HOSTNAME_} of the job log) for these visits'
   * timers.
   */
  Map<String, Integer> timerRunsPerNode(List<String> visits) {
    Map<String, Integer> perNode = new TreeMap<>();
    for (String visit : visits) {
      jdbc.queryForList(
              "select l.hostname_ from act_hi_job_log l join act_hi_procinst p on l.process_instance_id_ = p.id_"
                  + " where p.business_key_ = "
                  + VISIT_KEY
                  + " and l.job_state_ = 2",
              String.class,
              visit)
          .forEach(host -> perNode.merge(host, 1, Integer::sum));
    }
    return perNode;
  }

  JdbcTemplate jdbc() {
    return jdbc;
  }

  private int count(String fromWhere, Object... arguments) {
    return jdbc.queryForObject("select count(*) from " + fromWhere, Integer.class, arguments);
  }

  private Set<String> ids(String table) {
    return strings("select cast(id as varchar) from " + table);
  }

  /** The business keys of the cases of {@code table}: their references. */
  private Set<String> references(String table) {
    return strings("select reference from " + table);
  }

  private Set<String> businessKeys(String processKey) {
    return strings(
        "select business_key_ from act_hi_procinst where proc_def_key_ = '" + processKey + "'");
  }

  private Set<String> strings(String sql) {
    return new HashSet<>(jdbc.queryForList(sql, String.class));
  }

  @Override
  public void close() {
    dataSource.destroy();
  }
}
