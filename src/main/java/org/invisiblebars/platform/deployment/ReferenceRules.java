package org.invisiblebars.platform.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import javax.xml.namespace.QName;

/**
 * What makes a deployment complete: every form and decision its models name is found, and every
 * user task of one of our processes has its handler. A form bound with {@code
 * camunda:formRefBinding="deployment"} must be a {@code .form} of the same deployment (its JSON
 * {@code id}); a form or decision bound to the latest version (the default) or a version tag must
 * be in the deployment or deployed already; a numbered version must be deployed already or be the
 * version this deployment makes. References computed at run time ({@code ${...}}) cannot be known
 * here and are left to the engine. The result lists every missing item, with its file and element.
 */
final class ReferenceRules {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String DEPLOYMENT_FORM_KEY = "camunda-forms:deployment:";

  /** What the engine has deployed already. */
  interface Deployed {

    /** The latest deployed version of the form or decision {@code key}; 0 when none is. */
    int latest(Kind kind, String key);

    /** Whether that version of the form or decision {@code key} is deployed. */
    boolean has(Kind kind, String key, int version);
  }

  enum Kind {
    FORM("form"),
    DECISION("decision");

    private final String word;

    Kind(String word) {
      this.word = word;
    }
  }

  private final Deployed deployed;

  /** Process key and task id to why the task may not be deployed; empty when it may. */
  private final BiFunction<String, String, Optional<String>> missingHandler;

  ReferenceRules(Deployed deployed, BiFunction<String, String, Optional<String>> missingHandler) {
    this.deployed = deployed;
    this.missingHandler = missingHandler;
  }

  /** The missing items of a deployment, by file name and content; empty when it is complete. */
  List<Offence> check(Map<String, byte[]> resources) {
    Map<String, byte[]> sorted = new TreeMap<>(resources);
    Set<String> forms = new HashSet<>();
    Set<String> decisions = new HashSet<>();
    List<References> models = new ArrayList<>();
    sorted.forEach(
        (name, content) -> {
          String lower = name.toLowerCase(Locale.ROOT);
          if (lower.endsWith(".form")) {
            formId(content).ifPresent(forms::add);
          } else if (lower.endsWith(".dmn")) {
            References dmn = new References(name);
            dmn.read(content);
            decisions.addAll(dmn.decisions);
          } else if (lower.endsWith(".bpmn")) {
            References bpmn = new References(name);
            bpmn.read(content);
            models.add(bpmn);
          }
        });
    List<Offence> offences = new ArrayList<>();
    for (References model : models) {
      for (Reference ref : model.references) {
        missing(ref, ref.kind == Kind.FORM ? forms : decisions, resources.keySet())
            .ifPresent(why -> offences.add(model.offence(ref, why)));
      }
      for (Reference task : model.userTasks) {
        missingHandler
            .apply(task.key, task.element.attribute("id"))
            .ifPresent(why -> offences.add(model.offence(task, why)));
      }
    }
    return offences;
  }

  private Optional<String> missing(
      Reference ref, Set<String> inDeployment, Set<String> resourceNames) {
    String key = ref.key;
    String what = ref.kind.word + " " + key;
    switch (ref.binding) {
      case "resource" -> {
        return resourceNames.contains(key)
            ? Optional.empty()
            : Optional.of(
                "the form file "
                    + key
                    + " must be in the same deployment (in Modeler: Include additional files)");
      }
      case "deployment" -> {
        return inDeployment.contains(key)
            ? Optional.empty()
            : Optional.of(
                "the "
                    + what
                    + " is bound to this deployment but none of its files has the id "
                    + key
                    + (ref.kind == Kind.FORM
                        ? ": include its .form file (in Modeler: Include additional files)"
                        : ": include its .dmn file"));
      }
      case "version" -> {
        Integer version = number(ref.version);
        if (version == null) {
          return Optional.empty(); // an expression, or the engine's parser refuses it
        }
        int latest = deployed.latest(ref.kind, key);
        boolean found =
            deployed.has(ref.kind, key, version)
                || inDeployment.contains(key) && version == latest + 1;
        return found
            ? Optional.empty()
            : Optional.of(
                "version "
                    + version
                    + " of the "
                    + what
                    + " is neither deployed nor made by this deployment"
                    + (latest == 0 ? " (no version is deployed)" : " (latest: " + latest + ")"));
      }
      default -> {
        return inDeployment.contains(key) || deployed.latest(ref.kind, key) > 0
            ? Optional.empty()
            : Optional.of(
                "no "
                    + what
                    + " is deployed and none of this deployment's files has the id "
                    + key);
      }
    }
  }

  private static Integer number(String text) {
    try {
      return text == null ? null : Integer.valueOf(text.strip());
    } catch (NumberFormatException expression) {
      return null;
    }
  }

  /**
   * A Camunda Form's id, its form definition's key; unreadable forms are the engine's to refuse.
   */
  private static Optional<String> formId(byte[] content) {
    try {
      JsonNode form = JSON.readTree(content);
      return form != null && form.path("id").isTextual()
          ? Optional.of(form.path("id").asText())
          : Optional.empty();
    } catch (IOException unreadable) {
      return Optional.empty();
    }
  }

  /**
   * A form or decision a model names, or (kind null) a user task of a process: binding is {@code
   * deployment}, {@code latest}, {@code version}, {@code versionTag} or, for a form key naming a
   * file, {@code resource}.
   */
  private record Reference(
      ModelXml.Element element, Kind kind, String key, String binding, String version) {}

  /** The names one BPMN or DMN file gives (decisions) and uses (forms, decisions, user tasks). */
  private static final class References extends ModelXml {

    final List<Reference> references = new ArrayList<>();
    final List<Reference> userTasks = new ArrayList<>();
    final Set<String> decisions = new HashSet<>();
    private final String resource;

    References(String resource) {
      // An unreadable file is refused by the model rules or the engine's parser, not here.
      super(resource, new ArrayList<>());
      this.resource = resource;
    }

    @Override
    void start(Element element) {
      if (element.local().equals("decision") && !element.isCamunda()) {
        Optional.ofNullable(element.attribute("id")).ifPresent(decisions::add);
      }
      if (BpmnRules.BPMN.equals(element.name.getNamespaceURI())
          && element.local().equals("userTask")
          && element.attribute("id") != null) {
        process(element)
            .ifPresent(key -> userTasks.add(new Reference(element, null, key, null, null)));
      }
      reference(element, Kind.FORM, "formRef");
      String formKey = camunda(element, "formKey");
      if (formKey != null && formKey.startsWith(DEPLOYMENT_FORM_KEY)) {
        String file = formKey.substring(DEPLOYMENT_FORM_KEY.length());
        if (fixed(file)) {
          references.add(new Reference(element, Kind.FORM, file, "resource", null));
        }
      }
      reference(element, Kind.DECISION, "decisionRef");
    }

    /** A {@code camunda:formRef} or {@code camunda:decisionRef} with its binding and version. */
    private void reference(Element element, Kind kind, String attribute) {
      String key = camunda(element, attribute);
      if (fixed(key)) {
        String binding = camunda(element, attribute + "Binding");
        references.add(
            new Reference(
                element,
                kind,
                key,
                binding == null ? "latest" : binding,
                camunda(element, attribute + "Version")));
      }
    }

    @Override
    void end(Element element) {}

    Offence offence(Reference ref, String why) {
      String attribute =
          ref.kind == null
              ? "bpmn:userTask"
              : ref.binding.equals("resource")
                  ? "camunda:formKey=\"" + camunda(ref.element, "formKey") + "\""
                  : ref.kind == Kind.FORM
                      ? "camunda:formRef=\"" + ref.key + "\""
                      : "camunda:decisionRef=\"" + ref.key + "\"";
      Element at = ref.element;
      Element identified = at.identified().orElse(at);
      return new Offence(resource, identified.attribute("id"), attribute, why, at.line, at.column);
    }

    private static Optional<String> process(Element element) {
      for (Element e = element.parent; e != null; e = e.parent) {
        if (e.local().equals("process")) {
          return Optional.ofNullable(e.attribute("id"));
        }
      }
      return Optional.empty();
    }

    private static String camunda(Element element, String attribute) {
      String value = element.attributes.get(new QName(CAMUNDA_BPMN, attribute));
      return value != null ? value : element.attributes.get(new QName(ACTIVITI_BPMN, attribute));
    }

    private static boolean fixed(String reference) {
      return reference != null && !reference.isBlank() && !isExpression(reference);
    }
  }
}
