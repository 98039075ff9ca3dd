package org.invisiblebars.platform.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.invisiblebars.accreditation.usecase.AccreditationProcess;
import org.invisiblebars.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A task of our processes is one the application knows: a model that renames or adds a user task
 * without a handler is refused at deployment, naming the task, instead of failing when a person
 * completes it; another process may have tasks without handlers.
 */
class UserTaskHandlersIT extends IntegrationTest {

  @Autowired RepositoryService repositoryService;

  @Test
  void aProcessOfOursWithAUserTaskWithoutHandlerIsRefusedAtDeployment() throws Exception {
    String model = Files.readString(Path.of("processes/ngo-accreditation.bpmn"), StandardCharsets.UTF_8)
        .replace(AccreditationProcess.Element.VERIFY_FORMAL_MANDATE, "Task_CheckTheMandate");
    long versions = repositoryService.createProcessDefinitionQuery().processDefinitionKey(AccreditationProcess.KEY).count();

    assertThatThrownBy(() -> repositoryService.createDeployment().name("renamed task")
            .addString("ngo-accreditation.bpmn", model).deploy())
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("Task_CheckTheMandate").hasMessageContaining("has no handler");
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(AccreditationProcess.KEY).count())
        .as("nothing deployed").isEqualTo(versions);
  }

  @Test
  void anotherProcessMayHaveTasksWithoutHandlers() {
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("deployment-check").count())
        .as("the test model deployment-check has a user task and no handler, and is deployed").isPositive();
  }
}
