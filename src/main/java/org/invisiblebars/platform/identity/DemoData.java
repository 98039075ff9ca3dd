package org.invisiblebars.platform.identity;

import java.util.List;
import org.invisiblebars.platform.identity.IdentityStore.UserSpec;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo people, one per role, all with the password {@code demo}. Only with the {@code demo}
 * profile, which {@code mvn spring-boot:run} activates and the {@code postgres} profile never does.
 */
@Component
@Profile("demo")
class DemoData {

  static final String PASSWORD = "demo";

  /** A demo person and the one group they belong to. */
  record DemoUser(UserSpec user, String group) {}

  static final List<DemoUser> USERS =
      List.of(
          new DemoUser(
              new UserSpec("martha", "Martha", "Director", "martha@prison.example"),
              Groups.DIRECTOR),
          new DemoUser(
              new UserSpec("sam", "Sam", "Security", "sam@prison.example"), Groups.SECURITY),
          new DemoUser(
              new UserSpec("lena", "Lena", "Liaison", "lena@prison.example"), Groups.NGO_LIAISON),
          new DemoUser(
              new UserSpec("maria", "Maria", "Manager", "maria@prison.example"), Groups.MANAGER),
          new DemoUser(
              new UserSpec("paula", "Paula", "Process Owner", "paula@prison.example"),
              Groups.PROCESS_OWNER),
          new DemoUser(
              new UserSpec("admin", "Camunda", "Administrator", "admin@prison.example"),
              Groups.CAMUNDA_ADMIN),
          new DemoUser(
              new UserSpec("olivia", "Olivia", "Inspector", "olivia@inspectorate.example"),
              Groups.OVERSIGHT),
          new DemoUser(
              new UserSpec("oscar", "Oscar", "Chief Inspector", "oscar@inspectorate.example"),
              Groups.OVERSIGHT_HEAD),
          new DemoUser(
              new UserSpec("john", "John", "Representative", "john@ngo.example"), Groups.NGO));

  private final IdentityStore store;

  DemoData(IdentityStore store) {
    this.store = store;
  }

  void seed() {
    for (DemoUser demo : USERS) {
      store.ensureUser(demo.user(), PASSWORD, true);
      store.ensureMembership(demo.user().id(), demo.group());
    }
  }
}
