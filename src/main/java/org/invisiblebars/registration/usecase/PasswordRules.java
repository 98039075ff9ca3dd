package org.invisiblebars.registration.usecase;

/**
 * The rules of the engine's password policy in words: the engine names a broken rule by a
 * placeholder ({@code PASSWORD_POLICY_LENGTH}) and its minimum, which Camunda's own web
 * applications translate the same way.
 */
final class PasswordRules {

  private PasswordRules() {}

  static String describe(Accounts.PasswordRule rule) {
    String n = rule.parameter();
    return switch (rule.placeholder().replace('.', '_')) {
      case "PASSWORD_POLICY_LENGTH" -> "must be at least " + n + " characters long";
      case "PASSWORD_POLICY_LOWERCASE" -> "must contain at least " + n + " lower-case letter(s)";
      case "PASSWORD_POLICY_UPPERCASE" -> "must contain at least " + n + " capital letter(s)";
      case "PASSWORD_POLICY_DIGIT" -> "must contain at least " + n + " digit(s)";
      case "PASSWORD_POLICY_SPECIAL" ->
          "must contain at least " + n + " other character(s), such as ! or %";
      case "PASSWORD_POLICY_USER_DATA" -> "must not contain your user name or your name";
      default -> "breaks the password rule " + rule.placeholder();
    };
  }
}
