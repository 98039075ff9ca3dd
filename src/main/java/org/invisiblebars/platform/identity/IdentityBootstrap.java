package org.invisiblebars.platform.identity;

import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.invisiblebars.platform.identity.IdentityStore.UserSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Brings the user store to a known state at every start, idempotently: the groups, their
 * authorizations, the Tasklist filters, and an administrator. Without the {@code demo} profile the
 * administrator's password comes from {@code ADMIN_PASSWORD}; the application refuses to start
 * without one, with a well-known one, or when {@code camunda-admin} ends up without a member
 * (mitigation of CVE-2026-77226, whose setup endpoint is also closed).
 */
@Component
@Order(0)
class IdentityBootstrap implements ApplicationRunner {

  static final String ADMIN = "admin";
  private static final Set<String> WELL_KNOWN_PASSWORDS =
      Set.of("demo", "admin", "camunda", "password", "changeme", "secret");
  private static final Logger LOG = LoggerFactory.getLogger(IdentityBootstrap.class);

  private final IdentityStore store;
  private final AuthorizationSeeder authorizations;
  private final TaskFilterSeeder filters;
  private final ObjectProvider<DemoData> demoData;
  private final String adminPassword;

  IdentityBootstrap(
      IdentityStore store,
      AuthorizationSeeder authorizations,
      TaskFilterSeeder filters,
      ObjectProvider<DemoData> demoData,
      @Value("${invisible-bars.admin.password:}") String adminPassword) {
    this.store = store;
    this.authorizations = authorizations;
    this.filters = filters;
    this.demoData = demoData;
    this.adminPassword = adminPassword;
  }

  @Override
  public void run(ApplicationArguments args) {
    Groups.ALL.forEach(store::ensureGroup);
    authorizations.seed();
    filters.seed();

    DemoData demo = demoData.getIfAvailable();
    if (demo != null) {
      demo.seed();
    } else {
      ensureAdministrator();
    }

    if (store.memberCount(Groups.CAMUNDA_ADMIN) == 0) {
      throw new IllegalStateException(
          "The group camunda-admin has no member. Refusing to start: an empty administrator group "
              + "would let anyone claim the Admin app (CVE-2026-77226).");
    }
  }

  private void ensureAdministrator() {
    if (adminPassword.isBlank()) {
      throw new IllegalStateException(
          "ADMIN_PASSWORD is not set. Refusing to start without the password of the administrator "
              + "'admin' (or start with the demo profile).");
    }
    if (WELL_KNOWN_PASSWORDS.contains(adminPassword.toLowerCase())) {
      throw new IllegalStateException(
          "ADMIN_PASSWORD is a well-known default. Refusing to start: choose a password of your own.");
    }
    try {
      boolean created =
          store.ensureUser(
              new UserSpec(ADMIN, "Camunda", "Administrator", null), adminPassword, false);
      if (created) {
        LOG.info("Created the administrator '{}' from ADMIN_PASSWORD", ADMIN);
      }
    } catch (ProcessEngineException weak) {
      throw new IllegalStateException(
          "ADMIN_PASSWORD does not satisfy the password policy: " + weak.getMessage(), weak);
    }
    store.ensureMembership(ADMIN, Groups.CAMUNDA_ADMIN);
  }
}
