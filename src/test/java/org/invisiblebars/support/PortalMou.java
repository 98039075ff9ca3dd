package org.invisiblebars.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * What an organisation's user does on the portal's MoU and representatives pages, as page actions a
 * browser test (and the end-to-end journey) reuses: read the MoU, propose an amendment, agree,
 * countersign through the confirmation step, download a PDF with the browser's session, add a
 * representative. Each action waits for the page it leads to.
 */
public final class PortalMou {

  private final PortalBrowser portal;

  public PortalMou(PortalBrowser portal) {
    this.portal = portal;
  }

  /** Opens the accreditation's MoU page. */
  public void open(String accreditationId) throws IOException {
    portal.open("/portal/accreditations/" + accreditationId + "/mou");
    portal.awaitHeading("Memorandum of understanding");
  }

  /** Fills the amendment form (the clause by its number) and sends it. */
  public void propose(Integer clause, String text, String reason) throws IOException {
    Select clauses = new Select(portal.driver().findElement(By.id("clause")));
    if (clause == null) {
      clauses.selectByValue("");
    } else {
      clauses.selectByValue(clause.toString());
    }
    type("text", text);
    type("reason", reason);
    portal.click("send the amendment", By.id("propose"));
    portal.awaitHeading("Memorandum of understanding");
  }

  /** Agrees to the version shown. */
  public void agree() throws IOException {
    portal.click("agree", By.id("agree"));
    portal.awaitHeading("Memorandum of understanding");
    assertThat(portal.text()).contains("You agreed to the memorandum");
  }

  /** Opens the confirmation step from the MoU page. */
  public void openCountersignature() throws IOException {
    portal.click("countersign the memorandum", By.id("countersign"));
    portal.awaitHeading("Countersign the memorandum");
  }

  /** On the confirmation step: signs with {@code signatory} and sends it. */
  public void countersign(String signatory) throws IOException {
    type("signatory", signatory);
    portal.click("countersign", By.id("confirm-countersignature"));
  }

  /**
   * The link {@code linkId} of the page fetched with the browser's cookies (its session), as a
   * person's download would be.
   */
  public HttpResponse<byte[]> download(String linkId) throws IOException {
    WebElement link = portal.driver().findElement(By.id(linkId));
    String cookies =
        portal.driver().manage().getCookies().stream()
            .map((Cookie c) -> c.getName() + "=" + c.getValue())
            .collect(Collectors.joining("; "));
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(link.getDomProperty("href")))
                  .header("Cookie", cookies)
                  .header("Accept", "application/pdf")
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  /** From the representatives' list: adds a person with the form and waits for the list again. */
  public void addRepresentative(String fullName, String role) throws IOException {
    openRepresentatives();
    portal.click("add a representative", By.id("add-representative"));
    portal.awaitHeading("Add a representative");
    type("fullName", fullName);
    type("role", role);
    portal.click("add and start vetting", By.id("save-representative"));
  }

  /** Opens the organisation's representatives. */
  public void openRepresentatives() throws IOException {
    portal.open("/portal/representatives");
    portal.awaitHeading("Your representatives");
  }

  private void type(String field, String value) {
    WebElement input = portal.driver().findElement(By.id(field));
    input.clear();
    input.sendKeys(value);
  }
}
