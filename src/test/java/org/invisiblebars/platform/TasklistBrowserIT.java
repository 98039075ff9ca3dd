package org.invisiblebars.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.invisiblebars.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Uses Tasklist in a real headless Chromium, as a person would: the login form, then the filter
 * list. Runs Debian's chromium and chromedriver (system packages {@code chromium} and {@code
 * chromium-driver}); nothing is downloaded and Selenium Manager is never used, because the driver
 * executable and the browser binary are both given. Skipped when either is not installed; the
 * system properties {@code browser.chromium} and {@code browser.chromedriver} override the paths.
 *
 * <p>Screenshots land in {@code target/screenshots/}.
 */
class TasklistBrowserIT extends IntegrationTest {

  private static final String CHROMIUM = System.getProperty("browser.chromium", "/usr/bin/chromium");
  private static final String CHROMEDRIVER =
      System.getProperty("browser.chromedriver", "/usr/bin/chromedriver");
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  // Camunda 7.24 Tasklist (camunda-commons-ui auth/page/form.html and the filter list template).
  private static final By LOGIN_FORM = By.cssSelector("form[name='signinForm']");
  private static final By USERNAME = By.cssSelector("form[name='signinForm'] input[ng-model='username']");
  private static final By PASSWORD = By.cssSelector("form[name='signinForm'] input[ng-model='password']");
  private static final By SIGN_IN = By.cssSelector("form[name='signinForm'] button[type='submit']");
  private static final By FILTER_NAMES = By.cssSelector("[cam-tasklist-filters] .task-filter .name a");
  private static final By FILTER_COUNTER = By.cssSelector(".counter");
  private static final By LOGIN_ERROR = By.cssSelector("[notifications-panel] .alert-danger .status");

  private WebDriver browser;
  private Path profile;

  @BeforeEach
  void startBrowser() throws IOException {
    List<String> missing =
        Stream.of(CHROMIUM, CHROMEDRIVER).filter(path -> !isExecutable(path)).toList();
    Assumptions.assumeTrue(
        missing.isEmpty(),
        () -> "Browser test skipped: not installed or not executable: " + String.join(", ", missing)
            + " (install Debian's packages chromium and chromium-driver,"
            + " or set -Dbrowser.chromium / -Dbrowser.chromedriver)");
    profile = Files.createTempDirectory("tasklist-browser-profile");
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
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
    browser = new ChromeDriver(service, options);
  }

  @AfterEach
  void stopBrowser() {
    try {
      if (browser != null) {
        browser.quit();
      }
    } finally {
      deleteQuietly(profile);
    }
  }

  @Test
  void liaisonOfficerSeesHerGroupsQueueButNotTheDirectors() throws IOException {
    logIn("lena", "demo");

    List<String> filters =
        awaitOrDump("tasklist-lena", visibleFilterNamesContaining("NGO liaison officers queue"));
    screenshot("tasklist-lena");

    assertThat(filters)
        .contains("NGO liaison officers queue", "My tasks")
        .doesNotContain("Directors queue");
  }

  @Test
  void ngoRepresentativeIsRefusedAtTheLoginForm() throws IOException {
    logIn("john", "demo");

    WebElement error =
        awaitOrDump(
            "tasklist-john",
            ExpectedConditions.visibilityOfElementLocated(LOGIN_ERROR));
    screenshot("tasklist-john");

    assertThat(error.getText()).contains("Login Failed");
    assertThat(browser.findElements(LOGIN_FORM)).as("still on the login form").isNotEmpty();
    assertThat(browser.getCurrentUrl()).contains("/login");
    assertThat(browser.findElements(FILTER_NAMES)).as("no filter list").isEmpty();
  }

  private void logIn(String user, String password) throws IOException {
    browser.get(baseUrl() + "/camunda/app/tasklist/default/");
    awaitOrDump("login-form-" + user, ExpectedConditions.elementToBeClickable(USERNAME)).sendKeys(user);
    browser.findElement(PASSWORD).sendKeys(password);
    browser.findElement(SIGN_IN).click();
  }

  /** The names in the filter list, once they include {@code expected}. */
  private static ExpectedCondition<List<String>> visibleFilterNamesContaining(String expected) {
    return driver -> {
      List<String> names =
          driver.findElements(FILTER_NAMES).stream()
              .filter(WebElement::isDisplayed)
              .map(TasklistBrowserIT::filterName)
              .toList();
      return names.contains(expected) ? names : null;
    };
  }

  /** The link's text without the task count that Tasklist shows beside the focused filter. */
  private static String filterName(WebElement link) {
    String text = link.getText().trim();
    for (WebElement counter : link.findElements(FILTER_COUNTER)) {
      String count = counter.getText().trim();
      if (!count.isEmpty() && text.endsWith(count)) {
        text = text.substring(0, text.length() - count.length()).trim();
      }
    }
    return text;
  }

  /** Waits; on time-out keeps a screenshot and the page source for whoever reads the failure. */
  private <T> T awaitOrDump(String name, ExpectedCondition<T> condition) throws IOException {
    try {
      return new WebDriverWait(browser, WAIT)
          .ignoring(StaleElementReferenceException.class)
          .until(condition);
    } catch (TimeoutException e) {
      screenshot(name + "-timeout");
      Files.writeString(
          SCREENSHOTS.resolve(name + "-timeout.html"), browser.getPageSource(), StandardCharsets.UTF_8);
      throw e;
    }
  }

  private void screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
    Files.write(SCREENSHOTS.resolve(name + ".png"), png);
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
