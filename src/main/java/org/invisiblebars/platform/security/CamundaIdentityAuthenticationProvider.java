package org.invisiblebars.platform.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
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
 * it; the engine's own per-user lock-out is off ({@code login-max-attempts} in application.yaml).
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;
  private final LoginThrottle throttle;

  CamundaIdentityAuthenticationProvider(IdentityService identityService, LoginThrottle throttle) {
    this.identityService = identityService;
    this.throttle = throttle;
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
    if (!identityService.checkPassword(userId, credentials.toString())) {
      throttle.failed(attempt);
      throw new BadCredentialsException("wrong user id or password");
    }
    throttle.succeeded(attempt);
    List<SimpleGrantedAuthority> groups =
        identityService.createGroupQuery().groupMember(userId).list().stream()
            .map(Group::getId)
            .map(SimpleGrantedAuthority::new)
            .toList();
    return UsernamePasswordAuthenticationToken.authenticated(userId, null, groups);
  }

  /** Set by the sign-in filters ({@link SignInDetails#SOURCE}); an attempt from elsewhere counts as one unknown address. */
  private static SignInDetails details(Authentication authentication) {
    return authentication.getDetails() instanceof SignInDetails details ? details : new SignInDetails("unknown", "other");
  }

  /**
   * A name with control characters is no user's, and is not worth asking the engine: PostgreSQL fails
   * every query with NUL, which would answer a sign-in with 500 instead of "wrong user or password".
   */
  static boolean cannotBeAUserId(String userId) {
    return userId.chars().anyMatch(Character::isISOControl);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
