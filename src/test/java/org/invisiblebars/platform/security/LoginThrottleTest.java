package org.invisiblebars.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.invisiblebars.platform.security.LoginThrottle.SignIn;
import org.junit.jupiter.api.Test;

/** The throttle's rules on a clock the test moves: no sleeping. */
class LoginThrottleTest {

  private static final LoginThrottle.Settings SETTINGS =
      new LoginThrottle.Settings(
          3,
          2,
          Duration.ofSeconds(1),
          Duration.ofSeconds(60),
          Duration.ofMinutes(5),
          Duration.ofDays(30));

  private final TestClock clock = new TestClock();
  private final LoginThrottle throttle = new LoginThrottle(SETTINGS, clock);

  @Test
  void theFirstFailuresFromAnAddressAreFreeThenItsWaitDoublesUpToTheCeiling() {
    SignIn attacker = new SignIn("john", "203.0.113.1", "HTTP Basic /api");
    for (int i = 0; i < 3; i++) {
      assertThat(throttle.refusal(attacker)).isEmpty();
      throttle.failed(attacker);
    }
    assertThat(throttle.refusal(attacker)).as("three failures are free").isEmpty();

    throttle.failed(attacker);
    assertThat(throttle.refusal(attacker)).contains(Duration.ofSeconds(1));
    clock.advance(Duration.ofSeconds(1));
    assertThat(throttle.refusal(attacker)).as("the wait lifts by itself").isEmpty();

    throttle.failed(attacker);
    assertThat(throttle.refusal(attacker)).contains(Duration.ofSeconds(2));
    clock.advance(Duration.ofSeconds(2));
    throttle.failed(attacker);
    assertThat(throttle.refusal(attacker)).contains(Duration.ofSeconds(4));
    for (int i = 0; i < 10; i++) {
      clock.advance(Duration.ofMinutes(1));
      throttle.failed(attacker);
    }
    assertThat(throttle.refusal(attacker))
        .as("never longer than the ceiling")
        .contains(Duration.ofSeconds(60));
    assertThat(throttle.refusal(new SignIn("lena", "203.0.113.1", "form /sla")))
        .as("the address waits, whatever account it tries next")
        .contains(Duration.ofSeconds(60));
  }

  @Test
  void failuresAreForgottenAWhileAfterTheLastOne() {
    SignIn attacker = new SignIn("john", "203.0.113.2", "HTTP Basic /engine-rest");
    for (int i = 0; i < 6; i++) {
      throttle.failed(attacker);
    }
    assertThat(throttle.refusal(attacker)).contains(Duration.ofSeconds(4));

    clock.advance(Duration.ofMinutes(5));
    assertThat(throttle.refusal(attacker)).isEmpty();
    throttle.failed(attacker);
    assertThat(throttle.refusal(attacker))
        .as("counting starts again: one failure is free")
        .isEmpty();
  }

  @Test
  void oneAddressFailingAgainstAnAccountNeverStopsItFromAnotherAddress() {
    SignIn attacker = new SignIn("john", "203.0.113.3", "web app tasklist");
    for (int i = 0; i < 200; i++) {
      clock.advance(throttle.refusal(attacker).orElse(Duration.ZERO));
      throttle.failed(attacker);
    }
    assertThat(throttle.refusal(attacker)).isPresent();
    assertThat(throttle.refusal(new SignIn("john", "198.51.100.7", "web app tasklist"))).isEmpty();
  }

  @Test
  void failuresFromManyAddressesSlowTheAccountDownOnlyForAddressesItIsNotKnownFrom() {
    SignIn home = new SignIn("john", "198.51.100.1", "HTTP Basic /api");
    throttle.succeeded(home);
    for (int i = 1; i <= 3; i++) {
      throttle.failed(new SignIn("john", "203.0.113." + (10 + i), "HTTP Basic /api"));
    }

    SignIn elsewhere = new SignIn("john", "192.0.2.99", "HTTP Basic /api");
    assertThat(throttle.refusal(elsewhere))
        .as("three addresses, two are free")
        .contains(Duration.ofSeconds(1));
    assertThat(throttle.refusal(home)).as("john's own address is not slowed down").isEmpty();
    assertThat(throttle.refusal(new SignIn("lena", "192.0.2.99", "HTTP Basic /api")))
        .as("other accounts are not")
        .isEmpty();

    clock.advance(Duration.ofSeconds(1));
    assertThat(throttle.refusal(elsewhere)).isEmpty();
  }

  @Test
  void aForgetWindowShorterThanTheLongestWaitIsRefused() {
    var settings =
        new LoginThrottle.Settings(
            3,
            2,
            Duration.ofSeconds(1),
            Duration.ofMinutes(10),
            Duration.ofMinutes(5),
            Duration.ofDays(1));
    assertThatThrownBy(() -> new LoginThrottle(settings, clock))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aUserNameIsLoggedOnOneLineAndShortened() {
    SignIn forged =
        new SignIn(
            "john\nSign-in: user admin from 10.0.0.1" + "x".repeat(100),
            "203.0.113.4",
            "form /sla");
    assertThat(forged.printableAccount())
        .doesNotContain("\n")
        .startsWith("john?Sign-in")
        .hasSize(65);
    assertThat(Optional.of(new SignIn("lena", "203.0.113.4", "form /sla").printableAccount()))
        .contains("lena");
  }

  /** A clock the test moves by hand. */
  private static final class TestClock extends Clock {

    private Instant now = Instant.parse("2026-11-30T09:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
