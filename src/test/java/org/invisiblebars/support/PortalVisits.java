package org.invisiblebars.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * A visit through the NGO portal's pages, as an organisation's user makes it, and the staff steps
 * between its request and its search notice, as Tasklist completes them: for a browser test of a
 * visit, and for the end-to-end journey. Each page met is checked ({@link PortalBrowser#check}).
 */
public final class PortalVisits {

  private PortalVisits() {}

  /**
   * From the dashboard: requests a visit of {@code facility} on {@code day}, {@code from} to {@code
   * until} in the facility's local time ("09:30"), with the people, areas and equipment of those
   * names (labels as the form shows them: "Documents"); returns the new visit's id, its page shown.
   * The pages are checked as {@code prefix-facility}, {@code prefix-new} and {@code prefix}.
   */
  public static String requestVisit(
      PortalBrowser portal,
      String prefix,
      String facility,
      List<String> people,
      LocalDate day,
      String from,
      String until,
      String activity,
      List<String> areas,
      List<String> equipment)
      throws IOException {
    WebDriver driver = portal.driver();
    portal.open("/portal/visits/new");
    portal.awaitHeading("Which facility do you want to visit?");
    portal.check(prefix + "-facility");
    portal.click("facility " + facility, label(facility));
    portal.click("continue", By.cssSelector("main form button[type='submit']"));
    portal.awaitHeading("Request a visit");
    assertThat(portal.text()).contains(facility);
    portal.check(prefix + "-new");
    for (String person : people) {
      portal.click("person " + person, label(person));
    }
    type(driver, "date-day", Integer.toString(day.getDayOfMonth()));
    type(driver, "date-month", Integer.toString(day.getMonthValue()));
    type(driver, "date-year", Integer.toString(day.getYear()));
    type(driver, "startTime", from);
    type(driver, "endTime", until);
    type(driver, "activity", activity);
    for (String area : areas) {
      portal.click("area " + area, label(area));
    }
    for (String item : equipment) {
      portal.click("equipment " + item, label(item));
    }
    portal.click("request", By.cssSelector("main form button[type='submit']"));
    portal.awaitHeading("Visit VIS-");
    portal.check(prefix);
    String url = driver.getCurrentUrl();
    return url.substring(url.lastIndexOf('/') + 1);
  }

  /**
   * On the visit's page: records that {@code person} has read the search notice, and waits for the
   * confirmation.
   */
  public static void acknowledge(PortalBrowser portal, String person) throws IOException {
    portal.click(
        "acknowledge " + person,
        By.xpath("//button[normalize-space()='" + person + " has read the search notice']"));
    portal
        .browser()
        .await(
            "acknowledgement of " + person,
            driver ->
                driver
                    .findElement(By.tagName("body"))
                    .getText()
                    .contains(person + "'s acknowledgement of the search notice is recorded."));
  }

  /**
   * The staff steps from a request to its search notice, as Tasklist completes them: security
   * confirms the proposed risk, the director authorises where the level asks for it, the liaison
   * officer schedules the visit (escort, meeting point), which issues the notice.
   */
  public static void schedule(EngineTasks engine, String visitId) {
    engine.complete("sam", visitId, "Task_AssessVisitRisk", Map.of("riskDecision", "CONFIRM"));
    if (!engine.tasks("martha", visitId, "Task_AuthoriseVisit").isEmpty()) {
      engine.complete(
          "martha",
          visitId,
          "Task_AuthoriseVisit",
          Map.of("authorisation", "AUTHORISE", "authorisedSearchLevel", "SCREENING"));
    }
    engine.complete(
        "lena",
        visitId,
        "Task_ScheduleVisit",
        Map.of("escort", "Officer Grey", "meetingPoint", "Main gate"));
  }

  private static By label(String text) {
    return By.xpath("//label[normalize-space()=\"" + text + "\"]");
  }

  private static void type(WebDriver driver, String id, String text) {
    WebElement field = driver.findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
  }
}
