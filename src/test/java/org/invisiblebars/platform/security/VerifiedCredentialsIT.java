package org.invisiblebars.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.invisiblebars.support.IntegrationTest;
import org.invisiblebars.support.SqlPerRequest;
import org.invisiblebars.support.WebappSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * HTTP Basic signs in on every request; a password verified a moment ago is not checked against the
 * database again ({@link VerifiedCredentials}). Any change of the user, its password, its groups or
 * memberships, by any route, applies to the very next request.
 */
class VerifiedCredentialsIT extends IntegrationTest {

  private static final AtomicInteger PROBES = new AtomicInteger();
  private static final String PASSWORD = "Cached-Password-2026!";
  private static final String NEW_PASSWORD = "Changed-Password-2026!";

  @Autowired IdentityService identityService;
  @Autowired VerifiedCredentials verified;

  /**
   * A user of its own per test, in the security group, with an address of its own for the sign-in
   * throttle.
   */
  private String user;

  private String address;

  @BeforeEach
  void probeUser() {
    int probe = PROBES.incrementAndGet();
    user = "cachedprobe" + probe;
    address = "198.51.100." + (100 + probe);
    User created = identityService.newUser(user);
    created.setPassword(PASSWORD);
    identityService.saveUser(created);
    identityService.createMembership(user, "security");
  }

  @AfterEach
  void deleteProbeUser() {
    if (identityService.createUserQuery().userId(user).count() > 0) {
      identityService.deleteUser(user);
    }
  }

  @Test
  void aPasswordVerifiedAMomentAgoIsNotCheckedAgainstTheDatabase() {
    assertThat(tasks(user, PASSWORD).getStatusCode()).isEqualTo(HttpStatus.OK);

    String id = SqlPerRequest.newId();
    assertThat(tasks(user, PASSWORD, id).getStatusCode()).isEqualTo(HttpStatus.OK);

    SqlPerRequest.Cost cost = SqlPerRequest.of(id);
    assertThat(cost.ofTheIdentityStore()).as(cost.toString()).isEmpty();
  }

  @Test
  void aWrongPasswordIsNeverTakenForTheVerifiedOne() {
    assertThat(tasks(user, PASSWORD).getStatusCode()).isEqualTo(HttpStatus.OK);

    assertThat(tasks(user, "wrong").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(tasks(user, PASSWORD + " ").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(tasks(user, "wrong").getStatusCode())
        .as("a failure is never kept as a success either")
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(tasks(user, PASSWORD).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void aPasswordChangedThroughTheEngineApiRefusesTheOldOneAtOnce() {
    assertThat(tasks(user, PASSWORD).getStatusCode()).isEqualTo(HttpStatus.OK);

    ResponseEntity<String> changed =
        as("admin")
            .exchange(
                "/engine-rest/user/" + user + "/credentials",
                HttpMethod.PUT,
                json(Map.of("password", NEW_PASSWORD, "authenticatedUserPassword", "demo")),
                String.class);
    assertThat(changed.getStatusCode()).as(changed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

    assertThat(tasks(user, PASSWORD).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(tasks(user, NEW_PASSWORD).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  /** Two clients of the user keep working while an administrator changes the password. */
  @Test
  void requestsInFlightWhileThePasswordChangesNeverKeepTheOldOneAlive() throws Exception {
    AtomicBoolean changed = new AtomicBoolean();
    ExecutorService clients = Executors.newFixedThreadPool(2);
    List<Future<Integer>> working = new ArrayList<>();
    for (int client = 0; client < 2; client++) {
      working.add(
          clients.submit(
              () -> {
                int requests = 0;
                while (!changed.get()) {
                  tasks(user, PASSWORD);
                  requests++;
                }
                return requests;
              }));
    }
    Thread.sleep(300);
    ResponseEntity<String> change =
        as("admin")
            .exchange(
                "/engine-rest/user/" + user + "/credentials",
                HttpMethod.PUT,
                json(Map.of("password", NEW_PASSWORD, "authenticatedUserPassword", "demo")),
                String.class);
    changed.set(true);
    for (Future<Integer> client : working) {
      assertThat(client.get(30, TimeUnit.SECONDS))
          .as("requests while the password changed")
          .isPositive();
    }
    assertThat(change.getStatusCode()).as(change.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

    List<Future<HttpStatusCode>> afterwards = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      afterwards.add(clients.submit(() -> tasks(user, PASSWORD).getStatusCode()));
    }
    for (Future<HttpStatusCode> answer : afterwards) {
      assertThat(answer.get(30, TimeUnit.SECONDS))
          .as("the old password after the change")
          .isEqualTo(HttpStatus.UNAUTHORIZED);
    }
    clients.shutdown();
    assertThat(tasks(user, NEW_PASSWORD).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void aPasswordChangedInTheAdminApplicationRefusesTheOldOneAtOnce() {
    assertThat(tasks(user, PASSWORD).getStatusCode()).isEqualTo(HttpStatus.OK);
    WebappSession admin = new WebappSession(baseUrl());
    assertThat(admin.login("admin", "demo", "admin")).isEqualTo(200);

    var changed =
        admin.send(
            "PUT",
            "/camunda/api/engine/engine/default/user/" + user + "/credentials",
            "application/json",
            "application/json",
            ("{\"password\":\"" + NEW_PASSWORD + "\",\"authenticatedUserPassword\":\"demo\"}")
                .getBytes());
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);

    assertThat(tasks(user, PASSWORD).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(tasks(user, NEW_PASSWORD).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void aDeletedUserIsRefusedAtOnce() {
    assertThat(tasks(user, PASSWORD).getStatusCode()).isEqualTo(HttpStatus.OK);

    identityService.deleteUser(user);

    assertThat(tasks(user, PASSWORD).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void aMembershipRemovedThroughTheEngineApiTakesItsRightsAwayAtOnce() {
    assertThat(tasks(user, PASSWORD).getStatusCode()).isEqualTo(HttpStatus.OK);

    assertThat(
            as("admin")
                .exchange(
                    "/engine-rest/group/security/members/" + user,
                    HttpMethod.DELETE,
                    null,
                    String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    assertThat(tasks(user, PASSWORD).getStatusCode())
        .as("no staff group left: no engine access")
        .isEqualTo(HttpStatus.FORBIDDEN);

    identityService.createMembership(user, "manager");
    assertThat(get("/api/v1/sla/summary", user, PASSWORD, null).getStatusCode())
        .as("a membership added counts at once too")
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void everyWriteToTheIdentityStoreForgetsWhatWasVerified() {
    String group = "cachedprobe-group-" + PROBES.incrementAndGet();
    String tenant = "cachedprobetenant" + PROBES.incrementAndGet();
    List<Map.Entry<String, Runnable>> writes =
        List.of(
            Map.entry(
                "save a user",
                () -> {
                  User saved = identityService.createUserQuery().userId(user).singleResult();
                  saved.setFirstName("Renamed");
                  identityService.saveUser(saved);
                }),
            Map.entry(
                "save a group", () -> identityService.saveGroup(identityService.newGroup(group))),
            Map.entry("add a membership", () -> identityService.createMembership(user, group)),
            Map.entry("remove a membership", () -> identityService.deleteMembership(user, group)),
            Map.entry("delete a group", () -> identityService.deleteGroup(group)),
            Map.entry(
                "save a tenant",
                () -> identityService.saveTenant(identityService.newTenant(tenant))),
            Map.entry(
                "add a tenant membership",
                () -> identityService.createTenantUserMembership(tenant, user)),
            Map.entry(
                "remove a tenant membership",
                () -> identityService.deleteTenantUserMembership(tenant, user)),
            Map.entry("delete a tenant", () -> identityService.deleteTenant(tenant)),
            Map.entry("unlock a user", () -> identityService.unlockUser(user)),
            Map.entry("delete a user", () -> identityService.deleteUser(user)));
    for (var write : writes) {
      verified.remember(user, PASSWORD, List.of("security"), verified.generation());
      assertThat(verified.groupsOf(user, PASSWORD)).isPresent();

      write.getValue().run();

      assertThat(verified.groupsOf(user, PASSWORD)).as(write.getKey()).isEmpty();
    }
  }

  private ResponseEntity<String> tasks(String userId, String password) {
    return tasks(userId, password, null);
  }

  private ResponseEntity<String> tasks(String userId, String password, String countedAs) {
    return get("/engine-rest/task?maxResults=1", userId, password, countedAs);
  }

  private ResponseEntity<String> get(
      String path, String userId, String password, String countedAs) {
    HttpHeaders headers = new HttpHeaders();
    headers.set("X-Forwarded-For", address);
    if (countedAs != null) {
      headers.set(SqlPerRequest.header(), countedAs);
    }
    return rest.withBasicAuth(userId, password)
        .exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }

  private static HttpEntity<Object> json(Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
