package org.invisiblebars.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The contract between a process's Camunda Forms and its task listener: every formRef has its form,
 * each submitted field has the key, type and limits the listener and the database expect, and the
 * texts the listener sets are shown read-only. Tasklist only reports a wrong key or type when a
 * person completes the task; a subclass per process reports it at build.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class FormsContract {

  protected static final Path FORMS = Path.of("forms");
  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  private static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";

  /** The form-js bundled in the Camunda 7.24 Tasklist webjar exports schemaVersion 16. */
  private static final int TASKLIST_SCHEMA_VERSION = 16;

  /** Readable ids as in Camunda's naming table; Modeler's generated ids look like Field_0abc123. */
  private static final Pattern READABLE_ID =
      Pattern.compile("(Field|Group|Text)_[A-Z][A-Za-z0-9]*");

  /** The process model whose user tasks the forms serve. */
  protected abstract Path bpmn();

  /** What a form submits, per formRef: key and the component that must carry it. */
  protected abstract Map<String, Map<String, Field>> submitted();

  /** What a form shows read-only, per formRef: the task-local texts the listener sets on create. */
  protected abstract Map<String, Map<String, String>> displayed();

  private static final ObjectMapper JSON = new ObjectMapper();
  private Set<String> formRefs;

  public record Field(String type, boolean required, Integer maxLength, Integer min, Integer max) {

    public static Field text(String type, boolean required, int maxLength) {
      return new Field(type, required, maxLength, null, null);
    }

    public static Field number(int min, int max) {
      return new Field("number", true, null, min, max);
    }

    public static Field choice(String type, boolean required) {
      return new Field(type, required, null, null, null);
    }
  }

  @BeforeAll
  void readFormRefs() throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    NodeList userTasks =
        factory
            .newDocumentBuilder()
            .parse(bpmn().toFile())
            .getElementsByTagNameNS(BPMN_NS, "userTask");
    formRefs = new TreeSet<>();
    for (int i = 0; i < userTasks.getLength(); i++) {
      Element task = (Element) userTasks.item(i);
      assertThat(task.getAttributeNS(CAMUNDA_NS, "formRef"))
          .as("formRef of %s", task.getAttribute("id"))
          .isNotBlank();
      assertThat(task.getAttributeNS(CAMUNDA_NS, "formRefBinding"))
          .as("formRefBinding of %s", task.getAttribute("id"))
          .isEqualTo("deployment");
      formRefs.add(task.getAttributeNS(CAMUNDA_NS, "formRef"));
    }
  }

  @Test
  void everyUserTaskHasAFormForTheTasklistOfCamunda724() throws IOException {
    assertThat(formRefs)
        .as("the user tasks' formRefs are the forms this test knows")
        .isEqualTo(submitted().keySet());
    for (String ref : formRefs) {
      Path file = FORMS.resolve(ref + ".form");
      assertThat(file).as("form of %s", ref).exists();
      JsonNode form = JSON.readTree(file.toFile());
      assertThat(form.path("id").asText()).as("id of %s", file).isEqualTo(ref);
      assertThat(form.path("executionPlatform").asText())
          .as("executionPlatform of %s", file)
          .isEqualTo("Camunda Platform");
      assertThat(form.path("executionPlatformVersion").asText())
          .as("executionPlatformVersion of %s", file)
          .isEqualTo("7.24.0");
      assertThat(form.path("schemaVersion").asInt(Integer.MAX_VALUE))
          .as("schemaVersion of %s", file)
          .isBetween(1, TASKLIST_SCHEMA_VERSION);
    }
  }

  @Test
  void componentIdsAreReadableAndKeysUnique() throws IOException {
    for (String ref : submitted().keySet()) {
      Set<String> ids = new HashSet<>();
      Set<String> keys = new HashSet<>();
      for (JsonNode component : components(ref)) {
        String id = component.path("id").asText();
        assertThat(id).as("component id in %s", ref).matches(READABLE_ID);
        assertThat(ids.add(id)).as("id %s is unique in %s", id, ref).isTrue();
        if (component.hasNonNull("key")) {
          String key = component.get("key").asText();
          assertThat(keys.add(key)).as("key %s is unique in %s", key, ref).isTrue();
          assertThat(component.path("label").asText())
              .as("label of %s in %s", key, ref)
              .isNotBlank();
        }
      }
    }
  }

  @Test
  void submittedFieldsHaveTheKeysTypesAndLimitsTheApplicationReads() throws IOException {
    submitted()
        .forEach(
            (ref, fields) -> {
              Map<String, JsonNode> byKey = byKey(ref);
              fields.forEach(
                  (key, expected) -> {
                    JsonNode component = byKey.get(key);
                    assertThat(component).as("field %s in %s", key, ref).isNotNull();
                    JsonNode validate = component.path("validate");
                    assertThat(component.path("type").asText())
                        .as("type of %s in %s", key, ref)
                        .isEqualTo(expected.type());
                    assertThat(validate.path("required").asBoolean(false))
                        .as("%s required in %s", key, ref)
                        .isEqualTo(expected.required());
                    assertThat(
                            component.path("readonly").asBoolean(false)
                                || component.path("disabled").asBoolean(false))
                        .as("%s is editable in %s", key, ref)
                        .isFalse();
                    if (expected.maxLength() != null) {
                      assertThat(validate.path("maxLength").asInt(-1))
                          .as("maxLength of %s in %s", key, ref)
                          .isEqualTo(expected.maxLength());
                    }
                    if (expected.min() != null) {
                      assertThat(validate.path("min").asInt(-1))
                          .as("min of %s in %s", key, ref)
                          .isEqualTo(expected.min());
                      assertThat(validate.path("max").asInt(-1))
                          .as("max of %s in %s", key, ref)
                          .isEqualTo(expected.max());
                      assertThat(component.path("decimalDigits").asInt(-1))
                          .as("%s takes whole numbers in %s", key, ref)
                          .isZero();
                    }
                  });
            });
  }

  @Test
  void textsSetByTheApplicationAreShownReadOnly() throws IOException {
    displayed()
        .forEach(
            (ref, texts) -> {
              Map<String, JsonNode> byKey = byKey(ref);
              texts.forEach(
                  (key, type) -> {
                    JsonNode component = byKey.get(key);
                    assertThat(component).as("display %s in %s", key, ref).isNotNull();
                    assertThat(component.path("type").asText())
                        .as("type of %s in %s", key, ref)
                        .isEqualTo(type);
                    assertThat(component.path("readonly").asBoolean(false))
                        .as("%s readonly in %s", key, ref)
                        .isTrue();
                    // disabled fields are left out of what form-js submits and look unavailable
                    // rather than informative
                    assertThat(component.path("disabled").asBoolean(false))
                        .as("%s not disabled in %s", key, ref)
                        .isFalse();
                  });
            });
  }

  private static Map<String, JsonNode> byKey(String ref) {
    Map<String, JsonNode> byKey = new LinkedHashMap<>();
    components(ref).stream()
        .filter(c -> c.hasNonNull("key"))
        .forEach(c -> byKey.put(c.get("key").asText(), c));
    return byKey;
  }

  /** All components of a form, those inside groups included. */
  private static List<JsonNode> components(String ref) {
    try {
      List<JsonNode> all = new ArrayList<>();
      collect(JSON.readTree(FORMS.resolve(ref + ".form").toFile()).path("components"), all);
      return all;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read form " + ref, e);
    }
  }

  private static void collect(JsonNode components, List<JsonNode> into) {
    for (JsonNode component : components) {
      into.add(component);
      collect(component.path("components"), into);
    }
  }
}
