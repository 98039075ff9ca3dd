package org.invisiblebars.registration.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.invisiblebars.platform.validation.ConflictException;
import org.invisiblebars.registration.domain.OrganisationRegistration.Status;
import org.junit.jupiter.api.Test;

class OrganisationRegistrationTest {

  private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

  private static OrganisationRegistration request() {
    return new OrganisationRegistration(
        "REG-2026-0001",
        new OrganisationRegistration.Applicant(
            "Lantern",
            "Ruritania",
            null,
            null,
            false,
            "We visit.",
            "Rita",
            "R",
            "Rita@Ngo.Example"),
        "hash",
        NOW,
        NOW.plus(Duration.ofHours(48)),
        Locale.FRENCH);
  }

  @Test
  void aRequestIsVerifiedOnceWithinItsLinksValidity() {
    OrganisationRegistration request = request();
    request.verify(NOW.plus(Duration.ofHours(47)));
    assertThat(request.getStatus()).isEqualTo(Status.AWAITING_REVIEW);
    assertThatThrownBy(() -> request.verify(NOW.plus(Duration.ofHours(47))))
        .isInstanceOf(ConflictException.class);

    OrganisationRegistration late = request();
    assertThatThrownBy(() -> late.verify(NOW.plus(Duration.ofHours(48))))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("expired");
    assertThat(late.getStatus()).isEqualTo(Status.AWAITING_VERIFICATION);
  }

  @Test
  void onlyAVerifiedRequestIsDecidedAndOnlyOnce() {
    OrganisationRegistration request = request();
    assertThatThrownBy(() -> request.reject("lena", NOW, "No statutes"))
        .isInstanceOf(ConflictException.class);
    request.verify(NOW);
    request.approve(
        "lena", NOW, "", UUID.randomUUID(), "rita", "activation", NOW.plus(Duration.ofHours(72)));
    assertThat(request.getStatus()).isEqualTo(Status.APPROVED);
    assertThatThrownBy(() -> request.reject("lena", NOW, "Changed my mind"))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void theActivationLinkWorksOnceBeforeItExpires() {
    OrganisationRegistration request = request();
    request.verify(NOW);
    request.approve(
        "lena", NOW, "", UUID.randomUUID(), "rita", "activation", NOW.plus(Duration.ofHours(72)));
    OrganisationRegistration other = request();
    other.verify(NOW);
    other.approve(
        "lena", NOW, "", UUID.randomUUID(), "rita2", "other", NOW.plus(Duration.ofHours(72)));

    request.activate(NOW.plus(Duration.ofHours(1)));
    assertThat(request.getActivatedAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
    assertThatThrownBy(() -> request.activate(NOW.plus(Duration.ofHours(2))))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> other.activate(NOW.plus(Duration.ofHours(72))))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("expired");
  }

  @Test
  void anUnverifiedRequestExpiresAndFreesItsAddress() {
    OrganisationRegistration request = request();
    request.expire();
    assertThat(request.getStatus()).isEqualTo(Status.EXPIRED);
    assertThat(OrganisationRegistration.emailKey(" Rita@Ngo.Example "))
        .isEqualTo("rita@ngo.example");
    assertThatThrownBy(request::expire).isInstanceOf(ConflictException.class);
  }
}
