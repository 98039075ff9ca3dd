package org.invisiblebars.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import org.camunda.bpm.engine.TaskService;
import org.invisiblebars.support.ApiTest;
import org.invisiblebars.support.CapturedLog;
import org.invisiblebars.support.Fixtures;
import org.invisiblebars.support.Fixtures.Ngo;
import org.invisiblebars.support.TasklistBrowser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Lena submits two forms in Tasklist that the handlers refuse although form-js lets them through
 * (its {@code required} accepts text of only spaces): a required field left blank, and a field a
 * cross-field rule requires. Tasklist shows the field's label and the reason alone, as it shows a
 * form's own validation; the log gets one line for each, no stack trace; nothing is saved.
 */
class TaskFormRefusalBrowserIT extends ApiTest {

  @Autowired TaskService taskService;

  @Test
  void tasklistShowsTheLabelAndReasonAndTheLogOneLine() throws Exception {
    Fixtures fixtures = new Fixtures(rest, this::as, taskService);
    String facility = fixtures.facility("Central Prison");
    Ngo npm = fixtures.appliedWithMandate("Refused Forms NPM", facility);
    Ngo ngo = fixtures.applied("Refused Forms NGO", facility);
    String verify = fixtures.taskId(npm.accreditationId(), "Task_VerifyFormalMandate");
    String completeness =
        fixtures.taskId(ngo.accreditationId(), "Task_CheckApplicationCompleteness");
    long decidedBefore =
        decisions(npm.accreditationId(), "%") + decisions(ngo.accreditationId(), "%");

    try (TasklistBrowser browser = TasklistBrowser.start()) {
      browser.logIn(baseUrl(), "lena", "demo");
      browser.await(
          "refusal-lena",
          ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "My tasks"));

      browser.openAndClaim(baseUrl(), verify);
      browser.choose("Verified —");
      browser.type("Verification notes", "   ");
      refusedWith(browser, "verify-refused", "Verification notes: is required");

      browser.dismissErrors();
      browser.openAndClaim(baseUrl(), completeness);
      browser.choose("Incomplete —");
      browser.type("Information requested from the organisation", "  ");
      refusedWith(
          browser,
          "completeness-refused",
          "Information requested from the organisation: is required when the application is incomplete");
    }
    assertThat(taskService.createTaskQuery().taskId(verify).count())
        .as("nothing saved: the task is still open")
        .isOne();
    assertThat(taskService.createTaskQuery().taskId(completeness).count())
        .as("nothing saved: the task is still open")
        .isOne();
    assertThat(decisions(npm.accreditationId(), "%") + decisions(ngo.accreditationId(), "%"))
        .as("no decision logged")
        .isEqualTo(decidedBefore);
  }

  /**
   * Completes the open form; Tasklist shows {@code message} alone, and the log got one line,
   * without a stack trace.
   */
  private static void refusedWith(TasklistBrowser browser, String name, String message)
      throws Exception {
    try (CapturedLog log = CapturedLog.start()) {
      browser.complete();
      var shown = browser.errorMessages(name);
      browser.screenshot(name);
      System.out.printf(
          "%s: Tasklist shows %s; the log got %d lines: %s%n",
          name,
          shown,
          log.lines(),
          log.events().stream().map(ILoggingEvent::getFormattedMessage).toList());
      assertThat(shown).containsExactly(message);
      assertThat(log.mentioning(message))
          .as("one log line for the refusal")
          .hasSize(1)
          .allSatisfy(line -> assertThat(line.getThrowableProxy()).as("no stack trace").isNull());
      assertThat(log.events())
          .as("no stack trace of the refusal")
          .noneMatch(event -> event.getThrowableProxy() != null);
    }
  }
}
