package org.invisiblebars.platform.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Bad input to the engine REST API answers 400 as problem details, where Camunda 7.24 answers 500
 * or quotes its JSON parser (Java class names, the input): a body that is not JSON, is nested
 * deeper than Jackson reads (1000 levels) or has a field of the wrong type; a body of only white
 * space or {@code null} (Camunda's resources then fail on {@code null}); a password against the
 * engine's policy (the engine says only "Password does not match policy", as a plain {@link
 * ProcessEngineException}); a user, group or tenant id the engine's id pattern refuses (a plain
 * {@link ProcessEngineException} too); text the database refuses to store (NUL on PostgreSQL, or
 * longer than the column). Everything else is answered as Camunda does. Bodies above the size limit
 * never get here (see the request limits filter). {@link EngineRestProviders} puts the JSON mappers
 * in the place of Camunda's and asks {@link #of(Throwable, String)} about the engine's failures.
 *
 * <p>The same providers serve the engine REST API ({@code /engine-rest}, Spring Boot's Jersey) and
 * the engine API that Tasklist, Cockpit and Admin call ({@code /camunda/api/engine}). Jersey
 * creates them; they find this bean through the servlet context, and this bean reaches the engine
 * only when asked, because servlet context initializers are created before the engine.
 */
@Component
class EngineRestInputErrors {

  /**
   * The engine's whole message when a new password breaks the policy (SaveUserCmd, Camunda 7.24).
   */
  static final String PASSWORD_POLICY_MESSAGE = "Password does not match policy";

  /**
   * How the engine's message begins when a user, group or tenant id is not a valid resource id
   * (EnsureUtil.ensureWhitelistedResourceId, Camunda 7.24): "User has an invalid id: id 'a-b' is
   * not a valid resource identifier."
   */
  private static final Pattern INVALID_ID =
      Pattern.compile("^(User|Group|Tenant) has an invalid id\\b");

  private final ObjectProvider<IdentityService> identityService;
  private final EngineFailures failures;

  EngineRestInputErrors(ObjectProvider<IdentityService> identityService, EngineFailures failures) {
    this.identityService = identityService;
    this.failures = failures;
  }

  Response answer(ProblemDetail problem) {
    return failures.problem(problem);
  }

  /**
   * The 400 for a password against the policy or a value the database refuses, found among the
   * causes.
   */
  Optional<Response> of(Throwable failure, String path) {
    if (failure instanceof ProcessEngineException
        && PASSWORD_POLICY_MESSAGE.equals(failure.getMessage())) {
      String field =
          path != null && path.endsWith("/credentials") ? "password" : "credentials.password";
      return Optional.of(answer(Problems.invalidInput(field, policy())));
    }
    if (failure instanceof ProcessEngineException
        && failure.getMessage() != null
        && INVALID_ID.matcher(failure.getMessage()).find()) {
      boolean user = failure.getMessage().startsWith("User");
      boolean group = failure.getMessage().startsWith("Group");
      return Optional.of(
          answer(
              Problems.invalidInput(
                  user ? "profile.id" : "id",
                  group
                      ? "is not a valid id: lower-case letters, digits and dashes, beginning"
                          + " with a letter"
                      : "is not a valid id: letters and digits only (no dash, dot or space)")));
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      // SQLSTATE class 22, data exception: a value too long for its column, NUL in text, a number
      // out of range
      if (cause instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("22")) {
        return Optional.of(answer(Problems.unstorableValue()));
      }
    }
    return Optional.empty();
  }

  /** The engine's policy in words: "at least 10 characters, at least 1 digit, …". */
  private String policy() {
    PasswordPolicy policy = identityService.getObject().getPasswordPolicy();
    if (policy == null || policy.getRules().isEmpty()) {
      return "does not follow the password policy";
    }
    return "does not follow the password policy: "
        + policy.getRules().stream()
            .map(EngineRestInputErrors::describe)
            .collect(Collectors.joining(", "));
  }

  private static String describe(PasswordPolicyRule rule) {
    Map<String, String> parameters = rule.getParameters() == null ? Map.of() : rule.getParameters();
    String least = "at least " + parameters.values().stream().findFirst().orElse("1");
    return switch (Objects.toString(rule.getPlaceholder(), "").replace("PASSWORD_POLICY_", "")) {
      case "LENGTH" -> least + " characters";
      case "LOWERCASE" -> least + " lower-case letter(s)";
      case "UPPERCASE" -> least + " upper-case letter(s)";
      case "DIGIT" -> least + " digit(s)";
      case "SPECIAL" -> least + " special character(s)";
      case "USER_DATA" -> "not the user's id, names or e-mail";
      default -> rule.getPlaceholder();
    };
  }

  /** What Jersey creates: finds this bean in the application context of the servlet context. */
  abstract static class Provider extends SpringBeans {

    EngineRestInputErrors errors() {
      return bean(EngineRestInputErrors.class);
    }
  }

  /**
   * Jackson's refusals; one subclass per type Camunda or Jersey map themselves, to take their
   * place.
   */
  abstract static class JsonErrors<E extends JsonProcessingException> extends Provider
      implements ExceptionMapper<E> {
    @Override
    public Response toResponse(E e) {
      return errors().answer(JsonProblems.of(e));
    }
  }

  @Priority(1)
  public static final class ParseErrors extends JsonErrors<JsonParseException> {}

  @Priority(1)
  public static final class MappingErrors extends JsonErrors<JsonMappingException> {}

  /** The rest, such as JSON nested deeper than Jackson reads. */
  @Priority(1)
  public static final class OtherJsonErrors extends JsonErrors<JsonProcessingException> {}

  /**
   * A resource that reads a JSON body gets an object: for white space or {@code null} Jackson gives
   * it {@code null}, on which Camunda's resources fail with NullPointerException. (An empty body
   * never comes here: Jersey gives the resource its defaults.)
   */
  public static final class RequiredBodies implements ReaderInterceptor {
    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
      Object entity = context.proceed();
      if (entity == null
          && context.getMediaType() != null
          && context.getMediaType().isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
        throw MismatchedInputException.from(
            (JsonParser) null, context.getType(), "no JSON object in the body");
      }
      return entity;
    }
  }
}
