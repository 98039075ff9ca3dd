package org.invisiblebars.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The NGO portal in headless Chromium, as its tests use it: signing in and out, waiting for a
 * page's heading, reading its text, and {@link #check checking a page} — a screenshot, no WCAG 2.2
 * A/AA violation found by axe-core (served from the test classpath), and no horizontal scrolling at
 * 390 px wide. Close it after the test.
 */
public final class PortalBrowser implements AutoCloseable {

  private static final List<String> WCAG =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

  private static String axe;

  private final TasklistBrowser browser;
  private final String baseUrl;

  private PortalBrowser(TasklistBrowser browser, String baseUrl) {
    this.browser = browser;
    this.baseUrl = baseUrl;
  }

  /** A new headless Chromium for the application at {@code baseUrl}. */
  public static PortalBrowser start(String baseUrl) throws IOException {
    synchronized (PortalBrowser.class) {
      if (axe == null) {
        try (InputStream script = PortalBrowser.class.getResourceAsStream("/axe-core/axe.min.js")) {
          assertThat(script).as("axe-core on the test classpath").isNotNull();
          axe = new String(script.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    TasklistBrowser browser = TasklistBrowser.start();
    browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    return new PortalBrowser(browser, baseUrl);
  }

  public TasklistBrowser browser() {
    return browser;
  }

  public WebDriver driver() {
    return browser.driver();
  }

  /** Opens a path of the application, e.g. {@code /portal}. */
  public void open(String path) {
    browser.driver().get(baseUrl + path);
  }

  public void click(String what, By element) throws IOException {
    browser.click(what, element);
  }

  /** Signs in on the sign-in form that is shown. */
  public void signIn(String user, String password) throws IOException {
    browser.await("sign-in form", ExpectedConditions.elementToBeClickable(By.id("username")));
    browser.driver().findElement(By.id("username")).sendKeys(user);
    browser.driver().findElement(By.id("password")).sendKeys(password);
    browser.click("sign in", By.cssSelector("main form button[type='submit']"));
  }

  /** Signs out with the header's button and waits for the sign-in form's confirmation. */
  public void signOut() throws IOException {
    browser.click("sign out", By.xpath("//button[normalize-space()='Sign out']"));
    awaitHeading("Sign in");
    assertThat(text()).contains("You have signed out.");
  }

  /** Waits for the page whose first heading starts with {@code start}. */
  public void awaitHeading(String start) throws IOException {
    browser.await(
        "heading " + start,
        ExpectedConditions.textMatches(
            By.tagName("h1"), Pattern.compile("^" + Pattern.quote(start) + ".*", Pattern.DOTALL)));
  }

  /** The page's visible text. */
  public String text() {
    return browser.driver().findElement(By.tagName("body")).getText();
  }

  /**
   * The page as it stands: a screenshot {@code target/screenshots/<name>.png}, no WCAG 2.2 A/AA
   * violation found by axe-core, and no horizontal scrolling at 390 px wide (with a second
   * screenshot {@code <name>-390px.png}).
   */
  @SuppressWarnings("unchecked")
  public void check(String name) throws IOException {
    WebDriver driver = browser.driver();
    JavascriptExecutor script = (JavascriptExecutor) driver;
    browser.screenshot(name);
    script.executeScript(axe);
    List<String> violations =
        (List<String>)
            script.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                    + "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
                    + ".then(function (r) { done(r.violations.map(function (v) {"
                    + "  return v.id + ' (' + v.impact + '): ' + v.help + ' at '"
                    + "    + v.nodes.map(function (n) { return n.target.join(' '); }).join(', ');"
                    + "})); })"
                    + ".catch(function (e) { done(['axe failed: ' + e]); });",
                WCAG);
    assertThat(violations).as(name + ": WCAG 2.2 A/AA violations").isEmpty();

    Dimension wide = driver.manage().window().getSize();
    driver.manage().window().setSize(new Dimension(390, 844));
    try {
      Map<String, Object> widths =
          (Map<String, Object>)
              script.executeScript(
                  "return {scroll: document.documentElement.scrollWidth, inner: window.innerWidth};");
      assertThat(((Number) widths.get("scroll")).longValue())
          .as(name + " at 390 px: the page's width " + widths)
          .isLessThanOrEqualTo(((Number) widths.get("inner")).longValue());
      browser.screenshot(name + "-390px");
    } finally {
      driver.manage().window().setSize(wide);
    }
  }

  @Override
  public void close() {
    browser.close();
  }
}
