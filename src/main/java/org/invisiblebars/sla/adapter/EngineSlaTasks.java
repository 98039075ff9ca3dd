package org.invisiblebars.sla.adapter;

import java.time.Duration;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.invisiblebars.sla.usecase.SlaTasks;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Open tasks (from the engine's task table) and the policy's thresholds (from its DMN engine). */
@Component
class EngineSlaTasks implements SlaTasks, SlaTasks.Policy {

  static final String OPEN_TASKS = "select d.KEY_, t.TASK_DEF_KEY_, t.DUE_DATE_ from ACT_RU_TASK t"
      + " left join ACT_RE_PROCDEF d on d.ID_ = t.PROC_DEF_ID_ where t.DUE_DATE_ is not null";

  private final ProcessEngineConfigurationImpl engine;
  private final JdbcTemplate jdbc;

  EngineSlaTasks(ProcessEngine engine, JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.engine = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  /**
   * One query over the open tasks, three columns each: paging through the engine's task query
   * loaded every task in full, ten pages for 10,000 tasks, and took most of the summary's time.
   */
  @Override
  public void forEachOpenTask(Consumer<OpenTask> each) {
    jdbc.query(OPEN_TASKS, rs -> {
      String processKey = rs.getString(1);
      each.accept(new OpenTask(processKey == null ? "standalone" : processKey, rs.getString(2), rs.getTimestamp(3).toInstant()));
    });
  }

  @Override
  public Target target(String processKey, String taskKey) {
    try {
      var target = SlaPolicyDecision.targetFor(engine, processKey, taskKey);
      return new Target(target.target(), target.workingDays());
    } catch (NotFoundException noPolicy) {
      return null;
    }
  }

  @Override
  public Duration atRisk(String processKey, String taskKey) {
    try {
      return SlaPolicyDecision.targetFor(engine, processKey, taskKey).atRisk();
    } catch (NotFoundException noPolicy) {
      return Duration.ZERO;
    }
  }
}
