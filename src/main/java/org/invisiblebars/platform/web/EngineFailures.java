package org.invisiblebars.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.DeploymentResourceNotFoundException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.exception.cmmn.CaseDefinitionNotFoundException;
import org.camunda.bpm.engine.exception.cmmn.CaseExecutionNotFoundException;
import org.camunda.bpm.engine.exception.cmmn.CmmnModelInstanceNotFoundException;
import org.camunda.bpm.engine.impl.ProcessEngineLogger;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * What a failure thrown through the engine APIs means to the caller, once the earlier answers of
 * {@link EngineRestProviders} (a conflict, our rules' refusals, bad input) found nothing. Camunda
 * 7.24's REST layer answers 500 for many of the caller's own mistakes: its resources wrap whatever
 * the engine throws in a {@link RestException} of status 500 (an {@link AuthorizationException} for
 * a decision the role may not read, a case execution that does not exist), let through exceptions
 * its mappers know no status for (an unknown external task, a condition no model declares), and our
 * use cases' refusals thrown from a delegate while a message is correlated reach its catch-all
 * mapper (those are answered before, {@link EngineRefusals}). Here, in this order:
 *
 * <ol>
 *   <li>a status Camunda itself gives (403, 400, or that of a {@code RestException}): kept;
 *   <li>otherwise the first engine exception among the causes that tells what happened (see {@link
 *       #meaning}): its status, in Camunda's error format;
 *   <li>anything else: Camunda's 500.
 * </ol>
 */
@Component
class EngineFailures {

  /**
   * The engine's exceptions for an object that does not exist (the engine's {@link
   * NotFoundException} is a 400 to Camunda).
   */
  private static final Set<Class<? extends ProcessEngineException>> NOT_FOUND =
      Set.of(
          NotFoundException.class,
          CaseExecutionNotFoundException.class,
          CaseDefinitionNotFoundException.class,
          CmmnModelInstanceNotFoundException.class,
          DeploymentResourceNotFoundException.class);

  /**
   * Plain {@link ProcessEngineException}s that are the caller's mistake, by the code the engine's
   * logger gives them (taken from the engine itself, so an upgrade that renumbers them shows in the
   * tests): a condition evaluated where no model (or not the named one) declares a conditional
   * start event; and a deployed file that cannot be read as a model ({@link
   * #MODEL_UNREADABLE_CODES}).
   */
  private static final Set<String> BAD_REQUEST_CODES =
      Set.of(
          code(ProcessEngineLogger.CMD_LOGGER.exceptionWhenEvaluatingConditionalStartEvent()),
          code(
              ProcessEngineLogger.CMD_LOGGER
                  .exceptionWhenEvaluatingConditionalStartEventByProcessDefinition("")));

  /**
   * A deployed file that is not a readable model: XML that does not parse (or declares a DOCTYPE),
   * a DMN the DMN engine cannot transform, a form that is not JSON. The administrator's mistake in
   * the file, not a server error; the answer adds what the parser said, which the engine's message
   * of a DMN leaves out.
   */
  private static final Set<String> MODEL_UNREADABLE_CODES =
      Set.of(
          code(
              ProcessEngineLogger.UTIL_LOGGER.parsingFailureException(
                  "", new IllegalArgumentException())),
          code(ProcessEngineLogger.UTIL_LOGGER.exceptionDuringFormParsing("", "")),
          code(ProcessEngineLogger.DECISION_LOGGER.exceptionParseDmnResource("", null)));

  /**
   * A message triggered on an execution that waits for no such message: the engine's ensure check
   * in {@code MessageEventReceivedCmd}, which carries no code.
   */
  private static final Pattern NO_SUCH_SUBSCRIPTION =
      Pattern.compile(
          "^Execution with id '[^']*' does not have a subscription to a message event with name '[^']*'.*",
          Pattern.DOTALL);

  private final ObjectProvider<ObjectMapper> objectMapper;

  EngineFailures(ObjectProvider<ObjectMapper> objectMapper) {
    this.objectMapper = objectMapper;
  }

  Response answer(Throwable failure, UriInfo request) {
    ExceptionHandlerHelper camunda = ExceptionHandlerHelper.getInstance();
    if (camunda.getStatus(failure) != Response.Status.INTERNAL_SERVER_ERROR) {
      return camunda.getResponse(failure);
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ProcessEngineException engine) {
        Optional<Response.Status> status =
            meaning(engine, request == null ? List.of() : pathValues(request));
        if (status.isPresent()) {
          ExceptionDto answer = camunda.fromException(engine);
          if (MODEL_UNREADABLE_CODES.contains(code(engine))) {
            answer.setMessage(withParserMessages(engine));
          }
          return Response.status(status.get())
              .entity(answer)
              .type(MediaType.APPLICATION_JSON_TYPE)
              .build();
        }
      }
    }
    return camunda.getResponse(failure);
  }

  /**
   * The status an engine exception stands for, where Camunda's REST layer answers 500: a refused
   * permission 403; an object that does not exist 404 (a {@link NullValueException} counts when its
   * message names an id of the request's path: the engine found nothing for it; otherwise a value
   * the request left out, 400); the engine's own bad-request exceptions 400; and the plain ones
   * above.
   */
  static Optional<Response.Status> meaning(
      ProcessEngineException failure, Collection<String> pathValues) {
    if (failure instanceof AuthorizationException) {
      return Optional.of(Response.Status.FORBIDDEN);
    }
    if (NOT_FOUND.stream().anyMatch(type -> type.isInstance(failure))) {
      return Optional.of(Response.Status.NOT_FOUND);
    }
    String message = failure.getMessage() == null ? "" : failure.getMessage();
    if (failure instanceof NullValueException) {
      return Optional.of(
          pathValues.stream().anyMatch(value -> !value.isBlank() && message.contains(value))
              ? Response.Status.NOT_FOUND
              : Response.Status.BAD_REQUEST);
    }
    if (failure instanceof BadUserRequestException
        || BAD_REQUEST_CODES.contains(code(failure))
        || MODEL_UNREADABLE_CODES.contains(code(failure))) {
      return Optional.of(Response.Status.BAD_REQUEST);
    }
    if (NO_SUCH_SUBSCRIPTION.matcher(message).matches()) {
      return Optional.of(Response.Status.NOT_FOUND);
    }
    return Optional.empty();
  }

  /**
   * The engine's message followed by each cause's own, where it says more ("DMN-02004 …: line 3
   * …").
   */
  static String withParserMessages(ProcessEngineException failure) {
    StringBuilder message = new StringBuilder(failure.getMessage());
    for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
      String said = cause.getMessage();
      if (said != null && !said.isBlank() && message.indexOf(said) < 0) {
        message.append(' ').append(said);
      }
    }
    return message.toString();
  }

  /**
   * Problem details as Jersey writes them: Camunda's object mapper knows nothing of {@link
   * ProblemDetail}.
   */
  Response problem(ProblemDetail problem) {
    Map<?, ?> body = objectMapper.getObject().convertValue(problem, Map.class);
    return Response.status(problem.getStatus())
        .type(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE)
        .entity(body)
        .build();
  }

  /** {@code ENGINE-13043} of "ENGINE-13043 No subscriptions were found …". */
  private static String code(ProcessEngineException failure) {
    String message = failure.getMessage() == null ? "" : failure.getMessage();
    int space = message.indexOf(' ');
    return space > 0 && message.startsWith("ENGINE-") ? message.substring(0, space) : "";
  }

  private static List<String> pathValues(UriInfo request) {
    return request.getPathParameters().values().stream().flatMap(List::stream).toList();
  }
}
