package org.invisiblebars.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerifiedCredentialsTest {

  private final VerifiedCredentials credentials = new VerifiedCredentials(Duration.ofMinutes(1));

  @Test
  void aVerifiedPasswordIsKeptWithItsGroups() {
    credentials.remember("lena", "right", List.of("ngo-liaison"), credentials.generation());

    assertThat(credentials.groupsOf("lena", "right")).contains(List.of("ngo-liaison"));
  }

  @Test
  void anotherPasswordForTheSameUserIsNotTakenForTheKeptOne() {
    credentials.remember("lena", "right", List.of("ngo-liaison"), credentials.generation());

    assertThat(credentials.groupsOf("lena", "wrong")).isEmpty();
    assertThat(credentials.groupsOf("lena", "right ")).isEmpty();
    assertThat(credentials.groupsOf("lena2", "right"))
        .as("nor the same password for another user")
        .isEmpty();
  }

  @Test
  void aChangeForgetsEverythingVerifiedBefore() {
    credentials.remember("lena", "right", List.of("ngo-liaison"), credentials.generation());
    credentials.remember("sam", "his", List.of("security"), credentials.generation());

    credentials.forgetAll();

    assertThat(credentials.groupsOf("lena", "right")).isEmpty();
    assertThat(credentials.groupsOf("sam", "his")).isEmpty();
  }

  @Test
  void aCheckThatReadTheOldStateIsNotKeptAfterAChange() {
    long readIn = credentials.generation();
    credentials.forgetAll(); // the change commits while the check was reading

    credentials.remember("lena", "old", List.of("ngo-liaison"), readIn);

    assertThat(credentials.groupsOf("lena", "old")).isEmpty();
  }

  @Test
  void theKeptGroupsCannotBeChangedThroughTheListPassedIn() {
    var groups = new ArrayList<>(List.of("ngo-liaison"));
    credentials.remember("lena", "right", groups, credentials.generation());
    groups.add("camunda-admin");

    assertThat(credentials.groupsOf("lena", "right")).contains(List.of("ngo-liaison"));
  }

  @Test
  void nothingIsKeptLongerThanConfigured() throws InterruptedException {
    VerifiedCredentials briefly = new VerifiedCredentials(Duration.ofMillis(1));
    briefly.remember("lena", "right", List.of("ngo-liaison"), briefly.generation());
    Thread.sleep(20);

    assertThat(briefly.groupsOf("lena", "right")).isEmpty();
  }

  @Test
  void aZeroDurationKeepsNothing() {
    VerifiedCredentials off = new VerifiedCredentials(Duration.ZERO);
    off.remember("lena", "right", List.of("ngo-liaison"), off.generation());

    assertThat(off.groupsOf("lena", "right")).isEmpty();
  }
}
