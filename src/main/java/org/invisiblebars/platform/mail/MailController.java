package org.invisiblebars.platform.mail;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.invisiblebars.platform.mail.Outbox.Failure;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The e-mail messages that failed for good, for administrators (the security configuration's rule):
 * who was to be told what, how often it was tried and the mail server's last answer.
 */
@RestController
@Tag(name = "Mail")
@RequestMapping("/api/v1/mail")
class MailController {

  /** The most failures one answer lists, newest first. */
  static final int LIMIT = 500;

  private final Outbox outbox;

  MailController(Outbox outbox) {
    this.outbox = outbox;
  }

  @Operation(summary = "Messages the outbox gave up on, with their last error")
  @GetMapping("/failures")
  List<Failure> failures() {
    return outbox.failures(LIMIT);
  }
}
