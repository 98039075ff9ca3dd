package org.invisiblebars.platform.deployment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.invisiblebars.platform.deployment.DmnRules.DmnLanguages;

/**
 * Everything a process owner's deployment may not contain, file by file: only BPMN, DMN and Camunda
 * Forms, each within its rules ({@link BpmnRules}, {@link DmnRules}, and no form component that
 * frames another site). The result lists every offence, not just the first, so the process owner
 * can fix them all at once.
 */
final class ModelRules {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JuelRules juel;
  private final FeelRules feel = new FeelRules();
  private final DmnLanguages dmnDefaults;

  ModelRules(Set<String> publishedBeans, DmnLanguages dmnDefaults) {
    this.juel = new JuelRules(publishedBeans);
    this.dmnDefaults = dmnDefaults;
  }

  /**
   * The offences of a deployment, by file name and content; empty when a process owner may deploy
   * it.
   */
  List<Offence> check(Map<String, byte[]> resources) {
    List<Offence> offences = new ArrayList<>();
    new TreeMap<>(resources)
        .forEach(
            (name, content) -> {
              String lower = name.toLowerCase(Locale.ROOT);
              if (lower.endsWith(".bpmn")) {
                new BpmnRules(name, offences, juel).read(content);
              } else if (lower.endsWith(".dmn")) {
                new DmnRules(name, offences, juel, feel, dmnDefaults).read(content);
              } else if (lower.endsWith(".form")) {
                checkForm(name, content, offences);
              } else {
                offences.add(
                    Offence.inFile(
                        name,
                        "file",
                        "a process owner deploys .bpmn, .dmn and .form files only; "
                            + "other files (HTML and JavaScript forms, scripts, CMMN) are code"));
              }
            });
    return offences;
  }

  private static void checkForm(String name, byte[] content, List<Offence> offences) {
    JsonNode form;
    try {
      form = JSON.readTree(content);
    } catch (IOException notJson) {
      offences.add(
          Offence.inFile(name, "file", "is not a Camunda Form (JSON): " + firstLine(notJson)));
      return;
    }
    if (form == null || !form.isObject()) {
      offences.add(Offence.inFile(name, "file", "is not a Camunda Form (a JSON object)"));
      return;
    }
    form.findParents("type").stream()
        .filter(component -> "iframe".equals(component.path("type").asText()))
        .forEach(
            frame ->
                offences.add(
                    new Offence(
                        name,
                        frame.path("id").asText(null),
                        "iframe component",
                        "a form may not frame another site inside Tasklist",
                        0,
                        0)));
  }

  private static String firstLine(IOException e) {
    String message =
        e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
    return message == null ? "" : message.lines().findFirst().orElse("");
  }
}
