package org.invisiblebars.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.invisiblebars.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Models and forms on the classpath under processes/ and forms/ are deployed together at start, so
 * a user task's form bound with {@code camunda:formRef} and deployment binding is found. The models
 * used here live in the test resources only.
 */
class ModelDeploymentIT extends IntegrationTest {

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  @Test
  void formsAreDeployedWithTheModelsAndServedToTheTasksGroup() {
    ProcessDefinition definition =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey("deployment-check")
            .latestVersion()
            .singleResult();
    assertThat(definition).as("deployment-check deployed at start").isNotNull();
    assertThat(definition.getHistoryTimeToLive()).isNotNull();
    assertThat(repositoryService.getDeploymentResourceNames(definition.getDeploymentId()))
        .anyMatch(name -> name.endsWith("deployment-check.form"));

    ProcessInstance instance =
        runtimeService.startProcessInstanceByKey("deployment-check", "check-1");
    try {
      String taskId =
          taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
      ResponseEntity<String> form =
          as("lena").getForEntity("/engine-rest/task/" + taskId + "/deployed-form", String.class);
      assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(form.getBody()).contains("\"id\"", "deployment-check", "remark");
      assertThat(
              as("martha")
                  .getForEntity("/engine-rest/task/" + taskId + "/deployed-form", String.class)
                  .getStatusCode())
          .as("another group's task")
          .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    } finally {
      runtimeService.deleteProcessInstance(instance.getId(), "test done");
    }
  }
}
