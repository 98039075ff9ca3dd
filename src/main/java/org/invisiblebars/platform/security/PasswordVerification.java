package org.invisiblebars.platform.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.IdentityRestService;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.invisiblebars.platform.process.EngineInternals;
import org.invisiblebars.platform.web.SpringBeans;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /identity/verify} answers whether a user name and password are right. No Camunda web
 * application calls it (they sign in through their own login, which {@link LoginThrottle} guards),
 * but it was open to every signed-in user for any account the engine lets them read (their own;
 * administrators everyone's), unthrottled: with a stolen web session, a way to guess its owner's
 * password; for an administrator, a way to learn anyone's. Now only administrators may ask, and
 * each of their wrong answers counts, and is logged, as a failed sign-in of that account from their
 * address (route {@code password verification /engine-rest} or {@code /camunda}): a throttled
 * address gets 429 with {@code Retry-After} before the password is checked. A right answer is not a
 * sign-in of that account and is not recorded as one.
 *
 * <p>A Jersey filter of both engine APIs (registered with the others by the web package's {@code
 * EngineRestProviders}), after either has handed the signed-in user to the engine.
 */
@Priority(Priorities.AUTHORIZATION)
public class PasswordVerification extends SpringBeans
    implements ContainerRequestFilter, ContainerResponseFilter {

  private static final Logger LOG = LoggerFactory.getLogger(PasswordVerification.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ATTEMPT = PasswordVerification.class.getName();
  static final String ROUTE = "password verification ";

  @Context private ResourceInfo resource;
  @Context private HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    if (!isVerification()) {
      return;
    }
    ProcessEngine engine = bean(ProcessEngine.class);
    Authentication caller = engine.getIdentityService().getCurrentAuthentication();
    if (!bean(EngineInternals.class).isAdministrator(caller)) {
      LOG.info(
          "Password verification refused: {} from {} is not an administrator",
          caller == null ? "nobody" : caller.getUserId(),
          servletRequest.getRemoteAddr());
      request.abortWith(
          Response.status(Response.Status.FORBIDDEN)
              .type(MediaType.APPLICATION_JSON_TYPE)
              .entity(
                  Map.of(
                      "type", "AuthorizationException",
                      "message",
                          "Only administrators may verify a user's password; to check your own, sign in."))
              .build());
      return;
    }
    byte[] body = request.getEntityStream().readAllBytes();
    request.setEntityStream(new ByteArrayInputStream(body));
    Optional<String> account = account(body);
    if (account.isEmpty()) {
      return; // Camunda answers 400: the user name is required
    }
    LoginThrottle.SignIn attempt =
        new LoginThrottle.SignIn(
            account.get(),
            servletRequest.getRemoteAddr(),
            ROUTE + SignInDetails.firstSegment(servletRequest));
    LoginThrottle throttle = bean(LoginThrottle.class);
    Optional<Duration> wait = throttle.refusal(attempt);
    if (wait.isPresent()) {
      SignInThrottledException throttled = new SignInThrottledException(wait.get());
      request.abortWith(
          Response.status(429)
              .header(HttpHeaders.RETRY_AFTER, throttled.retryAfterSeconds())
              .type("application/problem+json")
              .entity(new LinkedHashMap<>(throttled.problem()))
              .build());
      return;
    }
    request.setProperty(ATTEMPT, attempt);
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(ATTEMPT) instanceof LoginThrottle.SignIn attempt
        && response.getEntity() instanceof AuthenticationResult result
        && !result.isAuthenticated()) {
      bean(LoginThrottle.class).failed(attempt);
    }
  }

  /** {@link IdentityRestService#verifyUser}, on whichever API and engine path. */
  private boolean isVerification() {
    Method method = resource == null ? null : resource.getResourceMethod();
    return method != null
        && "verifyUser".equals(method.getName())
        && IdentityRestService.class.isAssignableFrom(method.getDeclaringClass());
  }

  /** The user name of {@code {"username": …, "password": …}}; none when the body is not that. */
  private static Optional<String> account(byte[] body) {
    try {
      JsonNode username = JSON.readTree(body).path("username");
      return username.isTextual() ? Optional.of(username.asText()) : Optional.empty();
    } catch (IOException | RuntimeException notJson) {
      return Optional.empty();
    }
  }
}
