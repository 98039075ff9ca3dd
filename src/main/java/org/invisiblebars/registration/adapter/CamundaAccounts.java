package org.invisiblebars.registration.adapter;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.invisiblebars.platform.identity.Groups;
import org.invisiblebars.platform.identity.UserPreferences;
import org.invisiblebars.platform.identity.UserPreferences.Preference;
import org.invisiblebars.registration.usecase.Accounts;
import org.springframework.stereotype.Component;

/**
 * The organisation's first user in the Camunda user store, through the identity service's public
 * API: created in group {@code ngo} with a random password that nobody is told (the engine needs
 * one, and its policy applies to it), then given the person's own password under the same policy.
 */
@Component
class CamundaAccounts implements Accounts {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final IdentityService identityService;
  private final UserPreferences preferences;

  CamundaAccounts(IdentityService identityService, UserPreferences preferences) {
    this.identityService = identityService;
    this.preferences = preferences;
  }

  @Override
  public boolean userExists(String userId) {
    return identityService.createUserQuery().userId(userId).count() > 0;
  }

  @Override
  public boolean emailInUse(String email) {
    return identityService.createUserQuery().userEmail(email).count() > 0
        || identityService.createUserQuery().userEmail(email.toLowerCase(Locale.ROOT)).count() > 0;
  }

  @Override
  public void createNgoUser(
      String userId, String firstName, String lastName, String email, Locale language) {
    User user = identityService.newUser(userId);
    user.setFirstName(firstName);
    user.setLastName(lastName);
    user.setEmail(email);
    user.setPassword(unusablePassword());
    identityService.saveUser(user);
    identityService.createMembership(userId, Groups.NGO);
    preferences.save(
        userId,
        new Preference(
            language, Preference.DEFAULT.digest(), Preference.DEFAULT.optionalNotices()));
  }

  @Override
  public List<PasswordRule> brokenRules(String userId, String password) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    return identityService.checkPasswordAgainstPolicy(password, user).getViolatedRules().stream()
        .map(CamundaAccounts::rule)
        .toList();
  }

  @Override
  public void setPassword(String userId, String password) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    user.setPassword(password);
    identityService.saveUser(user);
  }

  private static PasswordRule rule(PasswordPolicyRule rule) {
    var parameters = rule.getParameters();
    return new PasswordRule(
        rule.getPlaceholder(),
        parameters == null || parameters.isEmpty() ? "" : parameters.values().iterator().next());
  }

  /**
   * 48 random characters with a capital, a small letter, a digit and a sign, so the engine's
   * password policy accepts it; nobody is ever told it.
   */
  private static String unusablePassword() {
    byte[] bytes = new byte[36];
    RANDOM.nextBytes(bytes);
    return "Aa1!" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
