package org.invisiblebars.platform.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;

/**
 * A deployment refused before the engine parsed it: a process owner's that carries code, or
 * anyone's that misses a form, a decision or a task handler. It is a {@link ParseException} on
 * purpose: the engine REST API (and the web applications' engine API) answer it with 400 and a body
 * whose {@code details} list, per file, every offence with its element id, as Camunda Modeler
 * expects from a model the engine cannot deploy. The message lists them too.
 */
public class DeploymentRefused extends ParseException {

  DeploymentRefused(String userId, List<Offence> offences) {
    super(message(userId, offences), offences.get(0).resource(), List.of(), List.of());
    Map<String, List<Problem>> byResource = new LinkedHashMap<>();
    offences.forEach(
        offence ->
            byResource.computeIfAbsent(offence.resource(), r -> new ArrayList<>()).add(offence));
    this.resorceReports =
        byResource.entrySet().stream()
            .<ResourceReport>map(entry -> new Report(entry.getKey(), List.copyOf(entry.getValue())))
            .toList();
  }

  private static String message(String userId, List<Offence> offences) {
    return "The deployment by "
        + userId
        + " was refused: a process owner deploys .bpmn, .dmn and .form files whose "
        + "expressions only read variables and whose delegates are beans published for models (see docs/security.md, "
        + "\"Deployments by process owners\"), and every deployment brings or finds the forms and decisions its models "
        + "name and a handler for each user task of our processes (see docs/process-owners.md, \"A deployment is complete or "
        + "refused\"). "
        + offences.size()
        + (offences.size() == 1 ? " offence: " : " offences: ")
        + offences.stream().map(Offence::toString).collect(Collectors.joining("; "));
  }

  private record Report(String resourceName, List<Problem> errors) implements ResourceReport {

    @Override
    public String getResourceName() {
      return resourceName;
    }

    @Override
    public List<Problem> getErrors() {
      return errors;
    }

    @Override
    public List<Problem> getWarnings() {
      return List.of();
    }
  }
}
