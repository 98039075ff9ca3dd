package org.invisiblebars.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.platform.identity.UserPreferences;
import org.invisiblebars.platform.identity.UserPreferences.Digest;
import org.invisiblebars.platform.identity.UserPreferences.Preference;
import org.invisiblebars.support.AccreditedOrganisations;
import org.invisiblebars.support.ApiTest;
import org.invisiblebars.support.Eventually;
import org.invisiblebars.support.GreenMailServer;
import org.invisiblebars.support.GreenMailServer.Received;
import org.invisiblebars.support.Race;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What each person chose for their e-mail, as the messages received show it: a French NGO user is
 * told in French with the portal's link; a decision reaches the organisation in its language
 * without its reasons; a person who switched notices off still receives the required ones; the
 * daily digest gathers several new tasks into one message; a notice told once for a key is told
 * once, even by two nodes at the same moment, and not at all when its transaction rolls back.
 */
class MailPreferencesIT extends ApiTest {

  private static final String RUN = Long.toString(System.nanoTime(), 36);

  @Autowired OutboxSender sender;
  @Autowired Notifications notifications;
  @Autowired UserPreferences preferences;
  @Autowired DailyDigest digest;
  @Autowired PlatformTransactionManager transactions;
  @Autowired IdentityService identityService;

  @Test
  void aFrenchNgoUserIsToldInFrenchWithThePortalLink() {
    AccreditedOrganisations.Accredited ngo = fixture.accredited(MandateType.NGO, 1);
    String address = addressed(ngo.user());
    preferences.save(ngo.user(), new Preference(Locale.FRENCH, Digest.IMMEDIATE, true));
    String id = appliedBy(ngo);

    engine.complete(
        "lena",
        id,
        "Task_CheckApplicationCompleteness",
        Map.of("completeness", "INCOMPLETE", "informationRequested", "Vos statuts, svp."));
    sender.sendDue();

    List<Received> told = GreenMailServer.awaitTo(address, m -> true);
    assertThat(told).hasSize(1);
    assertThat(told.get(0).subject()).startsWith("Informations demandées pour votre demande ACC-");
    assertThat(told.get(0).text())
        .contains(
            "L'administration pénitentiaire a besoin d'informations",
            "Pour l'ouvrir : http://localhost:8080/portal/accreditations/" + id)
        .doesNotContain("statuts");
  }

  @Test
  void aRevocationReachesTheOrganisationInItsLanguageWithoutItsReasons() {
    AccreditedOrganisations.Accredited ngo = fixture.accredited(MandateType.NGO, 1);
    String address = addressed(ngo.user());
    preferences.save(
        ngo.user(), new Preference(Locale.forLanguageTag("es"), Digest.IMMEDIATE, false));

    assertThat(
            post(
                    "martha",
                    "/api/v1/accreditations/" + ngo.accreditationId() + "/revocation",
                    Map.of("reasons", "Confidential breach details " + RUN),
                    null)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    sender.sendDue();

    List<Received> told =
        GreenMailServer.awaitTo(address, m -> m.subject().startsWith("Acreditación"));
    assertThat(told).as("required: sent although notices are off").hasSize(1);
    assertThat(told.get(0).subject()).endsWith("revocada");
    assertThat(told.get(0).text())
        .contains("http://localhost:8080/portal/accreditations/" + ngo.accreditationId())
        .doesNotContain(RUN);
  }

  @Test
  void aPersonWhoSwitchedNoticesOffStillReceivesTheRequiredOnes() {
    String user = person("off");
    preferences.save(user, new Preference(null, Digest.IMMEDIATE, false));
    String path = "/portal/accreditations/" + RUN + "-off";

    new TransactionTemplate(transactions)
        .executeWithoutResult(
            tx -> {
              notifications.tellUsers(
                  List.of(user),
                  Notice.of(
                      "reminder-week", path, "ACC-1", "Open Doors", "@awaited.information", "x"));
              notifications.tellUsers(
                  List.of(user),
                  Notice.of(
                      "reminder-day", path, "ACC-1", "Open Doors", "@awaited.information", "x"));
            });
    sender.sendDue();

    List<Received> told = GreenMailServer.awaitTo(user + "@test.example", m -> true);
    assertThat(NoticeKinds.required("reminder-week")).isFalse();
    assertThat(NoticeKinds.required("reminder-day")).isTrue();
    assertThat(told)
        .extracting(Received::subject)
        .containsExactly(
            "Last day: ACC-1 awaits" + " your answer to the request for information by x");
  }

  @Test
  void theDailyDigestGathersSeveralNewTasksIntoOneMessage() {
    String daily = person("daily");
    preferences.save(daily, new Preference(Locale.FRENCH, Digest.DAILY, true));
    String immediate = person("immediate");

    new TransactionTemplate(transactions)
        .executeWithoutResult(
            tx -> {
              for (String task : List.of("first", "second", "third")) {
                notifications.tellUsers(
                    List.of(daily, immediate),
                    Notice.of(
                        TaskNotifications.KIND,
                        Notifications.taskPath(RUN + "-" + task),
                        "Check " + task,
                        "ACC-" + task,
                        "Open Doors",
                        "Central Prison"));
              }
            });
    sender.sendDue();
    // The application's own sender may be delivering some of them meanwhile.
    Eventually.within(Duration.ofSeconds(30), "three messages")
        .until(() -> GreenMailServer.to(immediate + "@test.example").size() >= 3);
    assertThat(GreenMailServer.to(immediate + "@test.example"))
        .as("one message per task for who chose IMMEDIATE")
        .hasSize(3);
    assertThat(GreenMailServer.to(daily + "@test.example")).as("kept for the digest").isEmpty();

    digest.send();
    digest.send();
    sender.sendDue();

    List<Received> told = GreenMailServer.awaitTo(daily + "@test.example", m -> true);
    assertThat(told).as("one digest, even when the job runs twice").hasSize(1);
    assertThat(told.get(0).subject()).startsWith("Votre récapitulatif quotidien");
    assertThat(told.get(0).text())
        .contains(
            "Nouvelle tâche : Check first (ACC-first)",
            "#/?task=" + RUN + "-first",
            "#/?task=" + RUN + "-second",
            "#/?task=" + RUN + "-third");
  }

  @Test
  void aNoticeToldOnceForAKeyIsToldOnceEvenByTwoNodesAndNotWhenRolledBack() {
    String user = person("once");
    String key = "test:" + RUN;
    Notice notice =
        Notice.of(
            "reminder-day",
            "/portal/reports/" + RUN,
            "REP-1",
            "Open Doors",
            "@awaited.information",
            "y");
    TransactionTemplate each = new TransactionTemplate(transactions);

    each.executeWithoutResult(
        tx -> {
          notifications.tellUsersOnce(key, List.of(user), notice);
          tx.setRollbackOnly();
        });
    List<Boolean> told =
        Race.times(
            2,
            node -> {
              try {
                each.executeWithoutResult(
                    tx -> notifications.tellUsersOnce(key, List.of(user), notice));
                return true;
              } catch (DataIntegrityViolationException alreadyTold) {
                return false;
              }
            });
    assertThat(told).as("the rolled-back one does not count; one node wins").containsOnlyOnce(true);
    assertThatThrownBy(
            () ->
                each.executeWithoutResult(
                    tx -> notifications.tellUsersOnce(key, List.of(user), notice)))
        .isInstanceOf(DataIntegrityViolationException.class);
    sender.sendDue();
    assertThat(GreenMailServer.awaitTo(user + "@test.example", m -> true)).hasSize(1);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from mail_outbox where recipient_user_id = ? and"
                    + " recipient_address is null",
                Long.class,
                user))
        .isEqualTo(1);
  }

  @Test
  void theSettingsRefuseAnUnknownChoiceNamingTheFieldAndStoreNothing() {
    String user = person("bad");
    assertThatThrownBy(
            () -> preferences.choose(user, new UserPreferences.Choice("de", "WEEKLY", "on")))
        .hasMessageContaining("language")
        .hasMessageContaining("digest");
    assertThat(preferences.of(user)).isEqualTo(Preference.DEFAULT);
  }

  @Test
  void twoFirstChoicesAtOnceAreBothStoredOneAfterTheOther() {
    String user = person("twice");
    List<Locale> languages = List.of(Locale.FRENCH, Locale.forLanguageTag("es"));
    Race.times(
        2,
        i -> {
          preferences.save(user, new Preference(languages.get(i), Digest.DAILY, true));
          return i;
        });
    assertThat(preferences.of(user).language()).isIn(languages);
    assertThat(preferences.of(user).digest()).isEqualTo(Digest.DAILY);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from user_preference where user_id = ?", Integer.class, user))
        .isEqualTo(1);
  }

  /** A new user of this run with an address. */
  private String person(String name) {
    String id = "mail" + name + RUN;
    User user = identityService.newUser(id);
    user.setFirstName(name);
    user.setLastName("Tester");
    user.setEmail(id + "@test.example");
    identityService.saveUser(user);
    return id;
  }

  private String addressed(String userId) {
    String address = userId + "@ngo.example";
    User user = identityService.createUserQuery().userId(userId).singleResult();
    user.setEmail(address);
    identityService.saveUser(user);
    return address;
  }
}
