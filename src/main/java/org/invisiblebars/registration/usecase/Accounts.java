package org.invisiblebars.registration.usecase;

import java.util.List;
import java.util.Locale;

/**
 * The Camunda user store, as far as registering an organisation needs it: is an address or a user
 * name in use, create the organisation's first NGO user, and set its password under the engine's
 * password policy.
 */
public interface Accounts {

  boolean userExists(String userId);

  /** Whether a user has the address {@code email} (whatever its case). */
  boolean emailInUse(String email);

  /**
   * Creates user {@code userId} in group {@code ngo}, with a random password nobody knows: it can
   * sign in only once its person has set one through the activation link. Its pages and e-mails
   * start in {@code language}, the language the person registered in (they may change it).
   */
  void createNgoUser(
      String userId, String firstName, String lastName, String email, Locale language);

  /** A rule of the password policy that a password breaks, with its parameter (a minimum). */
  record PasswordRule(String placeholder, String parameter) {}

  /** The rules of the password policy that {@code password} breaks for user {@code userId}. */
  List<PasswordRule> brokenRules(String userId, String password);

  /** Sets {@code userId}'s password (the policy is checked again by the engine). */
  void setPassword(String userId, String password);
}
