package org.invisiblebars.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Camunda Tasklist in a real headless Chromium, for browser tests. Runs Debian's chromium and
 * chromedriver (packages {@code chromium} and {@code chromium-driver}); nothing is downloaded and
 * Selenium Manager is never used, because the driver executable and the browser binary are both
 * given. {@link #start()} skips the calling test when either is missing; the system properties
 * {@code browser.chromium} and {@code browser.chromedriver} override the paths. Screenshots land in
 * {@code target/screenshots/}.
 */
public final class TasklistBrowser implements AutoCloseable {

  private static final String CHROMIUM =
      System.getProperty("browser.chromium", "/usr/bin/chromium");
  private static final String CHROMEDRIVER =
      System.getProperty("browser.chromedriver", "/usr/bin/chromedriver");

  /**
   * How long a page or the engine (an asynchronous continuation run by the job executor) may take.
   * Generous: on two cores shared with other builds (load 20 was seen) a next task took over 30 s
   * to appear; a wait that passes costs nothing more.
   */
  private static final Duration WAIT = Duration.ofSeconds(90);

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  // Camunda 7.24 Tasklist (camunda-commons-ui auth/page/form.html).
  public static final By LOGIN_FORM = By.cssSelector("form[name='signinForm']");
  private static final By USERNAME =
      By.cssSelector("form[name='signinForm'] input[ng-model='username']");
  private static final By PASSWORD =
      By.cssSelector("form[name='signinForm'] input[ng-model='password']");
  private static final By SIGN_IN = By.cssSelector("form[name='signinForm'] button[type='submit']");

  /** The notification of a refused sign-in (camunda-commons-ui's notifications panel). */
  public static final By LOGIN_REFUSED =
      By.cssSelector("[notifications-panel] .alert-danger .status");

  // Camunda 7.24 Tasklist: the task list ([cam-tasks]) and the cards' variables, those of the
  // filter's "variables" property that the task has (plugin tasklist-card-variables)
  private static final By TASK_CARDS = By.cssSelector("[cam-tasks] .tasks-list li.task");
  public static final By CARD_VARIABLES = By.cssSelector("[cam-tasklist-variables]");

  // Tasklist's task pane: claim, the Camunda Form (form-js), complete; and its error notification.
  private static final By FILTERS = By.cssSelector("[cam-tasklist-filters] .task-filter");
  private static final By CLAIM = By.cssSelector("button.claim");
  private static final By COMPLETE = By.cssSelector("button.btn-primary[ng-click='complete()']");

  /**
   * The message of Tasklist's error notification (camunda-commons-ui's notifications panel): what
   * the server's answer said.
   */
  public static final By ERROR_MESSAGE =
      By.cssSelector("[notifications-panel] .alert-danger .message");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final WebDriver driver;
  private final Path profile;
  private final List<String> violations = new ArrayList<>();

  private TasklistBrowser(WebDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** Starts a headless Chromium, or skips the test with a message when none is installed. */
  public static TasklistBrowser start() throws IOException {
    return start(null);
  }

  /**
   * Starts a headless Chromium whose person reads {@code language} (e.g. {@code fr}; the browser's
   * own when null), as a browser set to that language asks for it.
   */
  public static TasklistBrowser start(String language) throws IOException {
    List<String> missing =
        Stream.of(CHROMIUM, CHROMEDRIVER).filter(path -> !isExecutable(path)).toList();
    Assumptions.assumeTrue(
        missing.isEmpty(),
        () ->
            "Browser test skipped: not installed or not executable: "
                + String.join(", ", missing)
                + " (install Debian's packages chromium and chromium-driver,"
                + " or set -Dbrowser.chromium / -Dbrowser.chromedriver)");
    Path profile = Files.createTempDirectory("tasklist-browser-profile");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--window-size=1400,900",
        "--user-data-dir=" + profile);
    if (language != null) {
      options.addArguments("--lang=" + language);
      options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
    }
    // The browser's console, to find Content-Security-Policy violations (see close()), and its
    // network events, to find requests the application refused (see failedRequests()).
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    logs.enable(LogType.PERFORMANCE, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
    return new TasklistBrowser(new ChromeDriver(service, options), profile);
  }

  public WebDriver driver() {
    return driver;
  }

  /** Opens Tasklist (optionally a path after {@code #/}) and signs in through the real form. */
  public void logIn(String baseUrl, String user, String password) throws IOException {
    logIn(baseUrl, "tasklist", user, password);
  }

  /**
   * Opens a Camunda web application ("tasklist", "cockpit", "admin") and signs in through its form.
   * Under load the form can be on the page before the application has bound it: the click then
   * sends nothing (the server logs no sign-in) and the page stays as it was. So the form is filled
   * and sent again, up to three times, until the page answers: the form leaves, or a refusal shows.
   */
  public void logIn(String baseUrl, String application, String user, String password)
      throws IOException {
    driver.get(baseUrl + "/camunda/app/" + application + "/default/");
    for (int attempt = 1; ; attempt++) {
      WebElement username =
          await("login-form-" + user, ExpectedConditions.elementToBeClickable(USERNAME));
      username.clear();
      username.sendKeys(user);
      WebElement passwordField = driver.findElement(PASSWORD);
      passwordField.clear();
      passwordField.sendKeys(password);
      // The sign-in page asked who is signed in (404 until someone is); what failedRequests()
      // reports starts here.
      driver.manage().logs().get(LogType.PERFORMANCE);
      driver.findElement(SIGN_IN).click();
      if (attempt == 3 || answered(Duration.ofSeconds(20))) {
        return;
      }
    }
  }

  /**
   * Opens a page of ours behind the form login ({@code /sla}, {@code /models}) and signs in through
   * its form. A click seen to send nothing under load (the sign-in page stayed, with no refusal,
   * for 90 seconds) is repeated, up to three times, as for the web applications' form.
   */
  public void formLogIn(String pageUrl, String user, String password) throws IOException {
    driver.get(pageUrl);
    By username = By.id("username");
    for (int attempt = 1; ; attempt++) {
      WebElement name =
          await("form-login-" + user, ExpectedConditions.elementToBeClickable(username));
      name.clear();
      name.sendKeys(user);
      WebElement passwordField = driver.findElement(By.id("password"));
      passwordField.clear();
      passwordField.sendKeys(password);
      driver.findElement(By.cssSelector("form button[type='submit']")).click();
      if (attempt == 3 || formLeft(username, Duration.ofSeconds(20))) {
        return;
      }
    }
  }

  private boolean formLeft(By field, Duration wait) {
    try {
      new WebDriverWait(driver, wait)
          .ignoring(StaleElementReferenceException.class)
          .until(page -> page.findElements(field).isEmpty());
      return true;
    } catch (TimeoutException stillTheForm) {
      return false;
    }
  }

  /** Whether the sign-in page answered within {@code wait}: its form left, or a refusal shows. */
  private boolean answered(Duration wait) {
    try {
      new WebDriverWait(driver, wait)
          .ignoring(StaleElementReferenceException.class)
          .until(
              page ->
                  page.findElements(LOGIN_FORM).isEmpty()
                      || page.findElements(LOGIN_REFUSED).stream()
                          .anyMatch(WebElement::isDisplayed));
      return true;
    } catch (TimeoutException stillTheSameForm) {
      return false;
    }
  }

  /** Waits; on time-out keeps a screenshot and the page source for whoever reads the failure. */
  public <T> T await(String name, ExpectedCondition<T> condition) throws IOException {
    return await(name, WAIT, condition);
  }

  /**
   * Waits up to {@code wait}, through pages that reload themselves; on time-out keeps a screenshot
   * and the page source.
   */
  public <T> T await(String name, Duration wait, ExpectedCondition<T> condition)
      throws IOException {
    try {
      return new WebDriverWait(driver, wait)
          .ignoring(StaleElementReferenceException.class)
          .until(condition);
    } catch (TimeoutException e) {
      screenshot(name + "-timeout");
      Files.writeString(
          SCREENSHOTS.resolve(name + "-timeout.html"),
          driver.getPageSource(),
          StandardCharsets.UTF_8);
      throw e;
    }
  }

  /**
   * Waits until the element is clickable, scrolls it to the middle of the window, and clicks it.
   * Tasklist's fixed footer can still lie over an element in the scrolling form pane while the form
   * lays itself out; then the click is given to the element itself, as the browser would on a tap.
   */
  public void click(String name, By element) throws IOException {
    var target = await(name, ExpectedConditions.elementToBeClickable(element));
    var javascript = (JavascriptExecutor) driver;
    javascript.executeScript("arguments[0].scrollIntoView({block: 'center'});", target);
    try {
      await(name, ExpectedConditions.elementToBeClickable(element)).click();
    } catch (ElementClickInterceptedException covered) {
      javascript.executeScript("arguments[0].click();", driver.findElement(element));
    }
  }

  /** Opens the task in Tasklist and claims it, as its assignee-to-be does. */
  public void openAndClaim(String baseUrl, String taskId) throws IOException {
    driver.get(baseUrl + "/camunda/app/tasklist/default/#/?task=" + taskId);
    click("claim-" + taskId, CLAIM);
  }

  /**
   * Finds the task in its queue's list ({@code filterId}) by the case's {@code reference} on its
   * card, as its assignee-to-be does, then opens and claims it; returns the text of the card.
   */
  public String claimFromQueue(String baseUrl, String filterId, String taskId, String reference)
      throws IOException {
    // Tasklist picks its default filter itself until it has loaded the filters.
    await("filters-" + taskId, ExpectedConditions.presenceOfElementLocated(FILTERS));
    driver.get(baseUrl + "/camunda/app/tasklist/default/#/?filter=" + filterId);
    String card = await("card-" + reference, cardShowing(reference)).getText();
    By inTheList = By.cssSelector("[cam-tasks] li.task h4.task a[href$='?task=" + taskId + "']");
    click("select-" + taskId, inTheList);
    click("claim-" + taskId, CLAIM);
    // A list that reloads after the claim was seen to empty the task pane ("Select a task in the
    // list"); a person selects the task again.
    for (int attempt = 1; !formShown(Duration.ofSeconds(15)); attempt++) {
      if (attempt == 3) {
        await("form-" + taskId, ExpectedConditions.visibilityOfElementLocated(COMPLETE));
        break;
      }
      click("select-" + taskId, inTheList);
    }
    return card;
  }

  /** Whether the task pane shows a claimed task's form within {@code wait}. */
  private boolean formShown(Duration wait) {
    try {
      new WebDriverWait(driver, wait)
          .ignoring(StaleElementReferenceException.class)
          .until(ExpectedConditions.visibilityOfElementLocated(COMPLETE));
      return true;
    } catch (TimeoutException notYet) {
      return false;
    }
  }

  /** The card in the task list whose visible variables show {@code reference}, once there. */
  public static ExpectedCondition<WebElement> cardShowing(String reference) {
    return driver ->
        driver.findElements(TASK_CARDS).stream()
            .filter(
                card ->
                    card.findElements(CARD_VARIABLES).stream()
                        .anyMatch(variables -> variables.getText().contains(reference)))
            .findFirst()
            .orElse(null);
  }

  /** Chooses the option of a form's radio group whose label starts with {@code label}. */
  public void choose(String label) throws IOException {
    click(
        "choose-" + label,
        By.xpath("//label[starts-with(normalize-space(.), " + literal(label) + ")]"));
  }

  /**
   * Types {@code text} into the form's text field or text area labelled {@code label}: the field
   * whose own label it is, not the first field of a group that holds that label.
   */
  public void type(String label, String text) throws IOException {
    WebElement input =
        await("field-" + label, ExpectedConditions.elementToBeClickable(field(label)));
    // form-js keeps the field's value in its own state: clear() empties the element without an
    // input event, and the old text came back before the new one; delete it as a person does.
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    input.sendKeys(text);
  }

  /** What the form's text field or text area labelled {@code label} holds, read-only or not. */
  public String valueOf(String label) throws IOException {
    return await("field-" + label, ExpectedConditions.presenceOfElementLocated(field(label)))
        .getDomProperty("value");
  }

  /**
   * The message form-js shows under the field labelled {@code label} when it refuses the form
   * itself, before anything is sent ("Field is required." for a box left unticked).
   */
  public String fieldError(String label) throws IOException {
    return await(
            "field-error-" + label,
            ExpectedConditions.visibilityOfElementLocated(
                By.xpath(fieldOf(label) + "//*[contains(@class, 'fjs-form-field-error')]")))
        .getText()
        .trim();
  }

  /** The text field or text area whose own label starts with {@code label}. */
  private static By field(String label) {
    return By.xpath(fieldOf(label) + "//*[self::textarea or self::input[@type='text']]");
  }

  /** The form-js field (its label, input, description and errors) labelled {@code label}. */
  private static String fieldOf(String label) {
    return "//label[starts-with(normalize-space(.), "
        + literal(label)
        + ")]/ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' fjs-form-field ')][1]";
  }

  /** {@code text} as an XPath string literal: labels hold apostrophes ("The organisation's"). */
  private static String literal(String text) {
    if (!text.contains("'")) {
      return "'" + text + "'";
    }
    if (!text.contains("\"")) {
      return "\"" + text + "\"";
    }
    return "concat('" + text.replace("'", "', \"'\", '") + "')";
  }

  /** Presses Complete. */
  public void complete() throws IOException {
    click("complete", COMPLETE);
  }

  /** The messages of the error notifications Tasklist shows, once it shows one. */
  public List<String> errorMessages(String name) throws IOException {
    await(name, ExpectedConditions.visibilityOfElementLocated(ERROR_MESSAGE));
    return driver.findElements(ERROR_MESSAGE).stream()
        .filter(WebElement::isDisplayed)
        .map(m -> m.getText().trim())
        .toList();
  }

  /** Closes every error notification, so that the next one is read alone. */
  public void dismissErrors() {
    for (WebElement close :
        driver.findElements(By.cssSelector("[notifications-panel] .alert-danger button.close"))) {
      if (close.isDisplayed()) {
        close.click();
      }
    }
  }

  public void screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Files.write(
        SCREENSHOTS.resolve(name + ".png"),
        ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }

  /**
   * The Content-Security-Policy violations the browser reported since the last call (Chromium logs
   * each refused script, style, frame or connection to its console).
   */
  public List<String> contentSecurityPolicyViolations() {
    violations.addAll(
        driver.manage().logs().get(LogType.BROWSER).getAll().stream()
            .map(LogEntry::getMessage)
            .filter(message -> message.contains("Content Security Policy"))
            .toList());
    List<String> reported = List.copyOf(violations);
    violations.clear();
    return reported;
  }

  /**
   * The requests below {@code pathPrefix} (say {@code /camunda/api/}) that were answered with 4xx
   * or 5xx since the last call, as {@code "status url"}: a page can look loaded while one of its
   * lists failed, which the application's web pages show only as an empty table or a notice.
   */
  public List<String> failedRequests(String pathPrefix) {
    List<String> failed = new ArrayList<>();
    for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE).getAll()) {
      try {
        JsonNode event = JSON.readTree(entry.getMessage()).path("message");
        JsonNode response = event.path("params").path("response");
        if ("Network.responseReceived".equals(event.path("method").asText())
            && response.path("status").asInt() >= 400
            && URI.create(response.path("url").asText()).getPath().startsWith(pathPrefix)) {
          failed.add(response.path("status").asInt() + " " + response.path("url").asText());
        }
      } catch (IOException | IllegalArgumentException unreadable) {
        failed.add("unreadable network event: " + entry.getMessage());
      }
    }
    return failed;
  }

  /**
   * Ends the browser; fails the test when a page broke the Content-Security-Policy it was sent, so
   * every browser test also checks that Tasklist, Cockpit, Admin and {@code /sla} work under it.
   */
  @Override
  public void close() {
    List<String> reported;
    try {
      reported = contentSecurityPolicyViolations();
      driver.quit();
    } finally {
      deleteQuietly(profile);
    }
    if (!reported.isEmpty()) {
      throw new AssertionError(
          "Content-Security-Policy violations reported by the browser:\n"
              + String.join("\n", reported));
    }
  }

  private static boolean isExecutable(String path) {
    File file = new File(path);
    return file.isFile() && file.canExecute();
  }

  private static void deleteQuietly(Path directory) {
    if (directory == null || !Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException | UncheckedIOException e) {
      // a left-over temporary profile is harmless
    }
  }
}
