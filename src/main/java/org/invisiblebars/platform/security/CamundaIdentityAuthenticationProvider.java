package org.invisiblebars.platform.security;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.invisiblebars.platform.process.EngineInternals;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks HTTP Basic credentials against the Camunda identity service, so the engine REST API, our
 * own API and the Camunda web applications share one user store. The granted authorities are the
 * user's Camunda group ids. Every attempt passes the {@link LoginThrottle} first and is logged by
 * it; the engine's own per-user lock-out is off ({@code login-max-attempts} in application.yaml). A
 * password verified a moment ago is taken from {@link VerifiedCredentials}; otherwise the password
 * and the groups are read in one transaction of the engine.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;
  private final EngineInternals engine;
  private final LoginThrottle throttle;
  private final VerifiedCredentials verified;

  CamundaIdentityAuthenticationProvider(
      ProcessEngine processEngine,
      EngineInternals engine,
      LoginThrottle throttle,
      VerifiedCredentials verified) {
    this.identityService = processEngine.getIdentityService();
    this.engine = engine;
    this.throttle = throttle;
    this.verified = verified;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (userId == null || userId.isBlank() || cannotBeAUserId(userId) || credentials == null) {
      throw new BadCredentialsException("user id and password are required");
    }
    LoginThrottle.SignIn attempt = details(authentication).signIn(userId);
    var wait = throttle.refusal(attempt);
    if (wait.isPresent()) {
      throw new SignInThrottledException(wait.get());
    }
    String password = credentials.toString();
    Optional<List<String>> groups =
        verified.groupsOf(userId, password).or(() -> check(userId, password));
    if (groups.isEmpty()) {
      throttle.failed(attempt);
      throw new BadCredentialsException("wrong user id or password");
    }
    throttle.succeeded(attempt);
    return UsernamePasswordAuthenticationToken.authenticated(
        userId, null, groups.get().stream().map(SimpleGrantedAuthority::new).toList());
  }

  /**
   * The password against the identity service and, when right, the user's groups: one transaction;
   * a success is remembered.
   */
  private Optional<List<String>> check(String userId, String password) {
    long generation = verified.generation();
    Optional<List<String>> groups =
        engine.inCommand(
            () ->
                identityService.checkPassword(userId, password)
                    ? Optional.of(
                        identityService.createGroupQuery().groupMember(userId).list().stream()
                            .map(Group::getId)
                            .toList())
                    : Optional.empty());
    groups.ifPresent(ids -> verified.remember(userId, password, ids, generation));
    return groups;
  }

  /**
   * Set by the sign-in filters ({@link SignInDetails#SOURCE}); an attempt from elsewhere counts as
   * one unknown address.
   */
  private static SignInDetails details(Authentication authentication) {
    return authentication.getDetails() instanceof SignInDetails details
        ? details
        : new SignInDetails("unknown", "other");
  }

  /**
   * A name with control characters is no user's, and is not worth asking the engine: PostgreSQL
   * fails every query with NUL, which would answer a sign-in with 500 instead of "wrong user or
   * password".
   */
  static boolean cannotBeAUserId(String userId) {
    return userId.chars().anyMatch(Character::isISOControl);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
