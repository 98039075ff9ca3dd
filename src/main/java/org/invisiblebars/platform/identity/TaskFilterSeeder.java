package org.invisiblebars.platform.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.invisiblebars.platform.task.CaseLabel;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters every installation starts with. Their stored queries may use expressions
 * such as {@code ${currentUser()}}; only {@code camunda-admin} may create or change filters, so no
 * one else can smuggle an expression into a stored query.
 */
@Component
class TaskFilterSeeder {

  static final String MY_TASKS = "My tasks";
  static final String MY_GROUP_TASKS = "My group tasks";
  static final String OVERDUE = "Overdue";

  /**
   * Variables shown as columns and on the task cards, so staff can tell tasks apart at a glance:
   * the case's reference, organisation and facility, which every task of our processes carries as
   * plain task-local variables ({@link CaseLabel}). Tasklist reads a filter's variables with the
   * right to read the task, which every candidate has; the instance's variables would need a right
   * on the whole instance, which staff do not have (the columns were empty for everyone but
   * administrators), and granting it would open every variable of the instance to them.
   */
  static final List<Map<String, String>> COLUMNS =
      List.of(
          column(CaseLabel.REFERENCE, "Reference"),
          column(CaseLabel.ORGANISATION, "Organisation"),
          column(CaseLabel.FACILITY, "Facility"));

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationSeeder authorizations;

  TaskFilterSeeder(
      FilterService filterService, TaskService taskService, AuthorizationSeeder authorizations) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizations = authorizations;
  }

  void seed() {
    TaskQuery myTasks = taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}");
    ensure(MY_TASKS, -20, "#3c8dbc", "Tasks assigned to me", myTasks, Groups.TASKLIST_USERS);

    TaskQuery myGroupTasks =
        taskService
            .createTaskQuery()
            .taskCandidateGroupInExpression("${currentUserGroups()}")
            .taskUnassigned();
    ensure(
        MY_GROUP_TASKS,
        -10,
        "#00a65a",
        "Unclaimed tasks of my groups",
        myGroupTasks,
        Groups.TASKLIST_USERS);

    int priority = 0;
    for (String group : Groups.TASK_QUEUES) {
      TaskQuery queue =
          taskService.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks();
      ensure(
          queueName(group),
          priority++,
          "#605ca8",
          "All tasks of the " + group + " group",
          queue,
          List.of(group));
    }

    TaskQuery overdue = taskService.createTaskQuery().dueBeforeExpression("${now()}");
    ensure(
        OVERDUE, 10, "#dd4b39", "Open tasks past their due date", overdue, Groups.TASKLIST_USERS);
  }

  static String queueName(String group) {
    return Groups.displayName(group) + " queue";
  }

  private void ensure(
      String name,
      int priority,
      String color,
      String description,
      TaskQuery query,
      List<String> readers) {
    Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("description", description);
      properties.put("priority", priority);
      properties.put("color", color);
      properties.put("refresh", true);
      properties.put("variables", COLUMNS);
      filter = filterService.newTaskFilter(name).setQuery(query).setProperties(properties);
      filterService.saveFilter(filter);
    } else if (!COLUMNS.equals(filter.getProperties().get("variables"))) {
      // a filter seeded before the case labels: its columns named the instance's variables
      Map<String, Object> properties = new LinkedHashMap<>(filter.getProperties());
      properties.put("variables", COLUMNS);
      filterService.saveFilter(filter.setProperties(properties));
    }
    for (String reader : readers) {
      authorizations.grant(reader, Resources.FILTER, filter.getId(), Permissions.READ);
    }
  }

  private static Map<String, String> column(String name, String label) {
    return Map.of("name", name, "label", label);
  }
}
