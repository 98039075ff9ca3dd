package org.invisiblebars.accreditation;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
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
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The Camunda Forms of processes/ngo-accreditation.bpmn against what AccreditationTaskListener shows
 * and reads: every formRef has its form, each submitted field has the key, type and limits the
 * listener and the database expect, and the texts the listener sets are shown read-only. Tasklist
 * only reports a wrong key or type when a person completes the task; this test reports it at build.
 */
class AccreditationFormsTest {

  private static final Path BPMN = Path.of("processes/ngo-accreditation.bpmn");
  private static final Path FORMS = Path.of("forms");
  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  private static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";

  /** The form-js bundled in the Camunda 7.24 Tasklist webjar exports schemaVersion 16. */
  private static final int TASKLIST_SCHEMA_VERSION = 16;

  /** Readable ids as in Camunda's naming table; Modeler's generated ids look like Field_0abc123. */
  private static final Pattern READABLE_ID = Pattern.compile("(Field|Group|Text)_[A-Z][A-Za-z0-9]*");

  private static final List<String> CRITERIA =
      List.of("knowledge", "expertise", "performance", "trackRecord", "commitment", "funds", "reputation");

  /** What a form submits, per formRef: key and the component that must carry it. */
  private static final Map<String, Map<String, Field>> SUBMITTED = submitted();

  /** What a form shows read-only, per formRef: the task-local texts the listener sets on create. */
  private static final Map<String, Map<String, String>> DISPLAYED = displayed();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static Set<String> formRefs;

  record Field(String type, boolean required, Integer maxLength, Integer min, Integer max) {

    static Field text(String type, boolean required, int maxLength) {
      return new Field(type, required, maxLength, null, null);
    }

    static Field number(int min, int max) {
      return new Field("number", true, null, min, max);
    }

    static Field choice(String type, boolean required) {
      return new Field(type, required, null, null, null);
    }
  }

  @BeforeAll
  static void readFormRefs() throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    NodeList userTasks = factory.newDocumentBuilder().parse(BPMN.toFile()).getElementsByTagNameNS(BPMN_NS, "userTask");
    formRefs = new TreeSet<>();
    for (int i = 0; i < userTasks.getLength(); i++) {
      Element task = (Element) userTasks.item(i);
      assertThat(task.getAttributeNS(CAMUNDA_NS, "formRef")).as("formRef of %s", task.getAttribute("id")).isNotBlank();
      assertThat(task.getAttributeNS(CAMUNDA_NS, "formRefBinding")).as("formRefBinding of %s", task.getAttribute("id"))
          .isEqualTo("deployment");
      formRefs.add(task.getAttributeNS(CAMUNDA_NS, "formRef"));
    }
  }

  @Test
  void everyUserTaskHasAFormForTheTasklistOfCamunda724() throws IOException {
    assertThat(formRefs).as("the user tasks' formRefs are the forms this test knows").isEqualTo(SUBMITTED.keySet());
    for (String ref : formRefs) {
      Path file = FORMS.resolve(ref + ".form");
      assertThat(file).as("form of %s", ref).exists();
      JsonNode form = JSON.readTree(file.toFile());
      assertThat(form.path("id").asText()).as("id of %s", file).isEqualTo(ref);
      assertThat(form.path("executionPlatform").asText()).as("executionPlatform of %s", file).isEqualTo("Camunda Platform");
      assertThat(form.path("executionPlatformVersion").asText()).as("executionPlatformVersion of %s", file).isEqualTo("7.24.0");
      assertThat(form.path("schemaVersion").asInt(Integer.MAX_VALUE)).as("schemaVersion of %s", file)
          .isBetween(1, TASKLIST_SCHEMA_VERSION);
    }
  }

  @Test
  void componentIdsAreReadableAndKeysUnique() throws IOException {
    for (String ref : SUBMITTED.keySet()) {
      Set<String> ids = new HashSet<>();
      Set<String> keys = new HashSet<>();
      for (JsonNode component : components(ref)) {
        String id = component.path("id").asText();
        assertThat(id).as("component id in %s", ref).matches(READABLE_ID);
        assertThat(ids.add(id)).as("id %s is unique in %s", id, ref).isTrue();
        if (component.hasNonNull("key")) {
          String key = component.get("key").asText();
          assertThat(keys.add(key)).as("key %s is unique in %s", key, ref).isTrue();
          assertThat(component.path("label").asText()).as("label of %s in %s", key, ref).isNotBlank();
        }
      }
    }
  }

  @Test
  void submittedFieldsHaveTheKeysTypesAndLimitsTheApplicationReads() throws IOException {
    SUBMITTED.forEach((ref, fields) -> {
      Map<String, JsonNode> byKey = byKey(ref);
      fields.forEach((key, expected) -> {
        JsonNode component = byKey.get(key);
        assertThat(component).as("field %s in %s", key, ref).isNotNull();
        JsonNode validate = component.path("validate");
        assertThat(component.path("type").asText()).as("type of %s in %s", key, ref).isEqualTo(expected.type());
        assertThat(validate.path("required").asBoolean(false)).as("%s required in %s", key, ref).isEqualTo(expected.required());
        assertThat(component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false))
            .as("%s is editable in %s", key, ref).isFalse();
        if (expected.maxLength() != null) {
          assertThat(validate.path("maxLength").asInt(-1)).as("maxLength of %s in %s", key, ref).isEqualTo(expected.maxLength());
        }
        if (expected.min() != null) {
          assertThat(validate.path("min").asInt(-1)).as("min of %s in %s", key, ref).isEqualTo(expected.min());
          assertThat(validate.path("max").asInt(-1)).as("max of %s in %s", key, ref).isEqualTo(expected.max());
          assertThat(component.path("decimalDigits").asInt(-1)).as("%s takes whole numbers in %s", key, ref).isZero();
        }
      });
    });
  }

  @Test
  void textsSetByTheApplicationAreShownReadOnly() throws IOException {
    DISPLAYED.forEach((ref, texts) -> {
      Map<String, JsonNode> byKey = byKey(ref);
      texts.forEach((key, type) -> {
        JsonNode component = byKey.get(key);
        assertThat(component).as("display %s in %s", key, ref).isNotNull();
        assertThat(component.path("type").asText()).as("type of %s in %s", key, ref).isEqualTo(type);
        assertThat(component.path("readonly").asBoolean(false)).as("%s readonly in %s", key, ref).isTrue();
        // disabled fields are left out of what form-js submits and look unavailable rather than informative
        assertThat(component.path("disabled").asBoolean(false)).as("%s not disabled in %s", key, ref).isFalse();
      });
    });
  }

  private static Map<String, JsonNode> byKey(String ref) {
    Map<String, JsonNode> byKey = new LinkedHashMap<>();
    components(ref).stream().filter(c -> c.hasNonNull("key")).forEach(c -> byKey.put(c.get("key").asText(), c));
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

  private static Map<String, Map<String, Field>> submitted() {
    Map<String, Field> ratings = new LinkedHashMap<>();
    Map<String, Field> failed = new LinkedHashMap<>();
    for (String criterion : CRITERIA) {
      ratings.put(criterion + "Rating", Field.number(1, 5));
      ratings.put(criterion + "Evidence", Field.text("textarea", true, 2000));
      failed.put("failed" + Character.toUpperCase(criterion.charAt(0)) + criterion.substring(1), Field.choice("checkbox", false));
    }
    Map<String, Field> decision = new LinkedHashMap<>(Map.of(
        "decision", Field.choice("radio", true),
        "decisionReasons", Field.text("textarea", true, 4000),
        "conditions", Field.text("textarea", true, 4000),
        "againstRecommendationReason", Field.text("textarea", false, 2000)));
    decision.putAll(failed);
    return Map.of(
        "verify-formal-mandate", Map.of(
            "mandateVerified", Field.choice("radio", true),
            "verificationNotes", Field.text("textarea", true, 2000)),
        "check-application-completeness", Map.of(
            "completeness", Field.choice("radio", true),
            "informationRequested", Field.text("textarea", true, 4000)),
        "rate-accreditation-criteria", ratings,
        "vet-representative", Map.of(
            "vetting", Field.choice("radio", true),
            "vettingReasons", Field.text("textarea", true, 2000)),
        "consult-staff", Map.of("staffViews", Field.text("textarea", true, 4000)),
        "decide-accreditation", decision,
        "draft-mou", Map.ofEntries(
            entry("mandateAndExpectations", Field.text("textarea", true, 4000)),
            entry("responsibilities", Field.text("textarea", true, 4000)),
            entry("days", Field.text("textfield", true, 200)),
            entry("hours", Field.text("textfield", true, 200)),
            entry("procedures", Field.text("textarea", true, 4000)),
            entry("allowedActivities", Field.text("textarea", true, 4000)),
            entry("excludedAreas", Field.text("textarea", true, 4000)),
            entry("confidentialityDays", Field.number(1, 365)),
            entry("termMonths", Field.number(1, 60)),
            entry("continuityPlan", Field.text("textarea", true, 4000)),
            entry("universalAccess", Field.choice("checkbox", false))),
        "sign-mou", Map.of(
            "mouSigned", Field.choice("checkbox", true),
            "signatureNotes", Field.text("textarea", false, 2000)),
        "prepare-renewal", Map.of("renewalNotes", Field.text("textarea", true, 4000)));
  }

  private static Map<String, Map<String, String>> displayed() {
    Map<String, Map<String, String>> displayed = new LinkedHashMap<>();
    Map<String, Map<String, String>> extra = Map.of(
        "check-application-completeness", Map.of("informationHistory", "textarea"),
        "vet-representative", Map.of("representativeName", "textfield", "representativeRole", "textfield"),
        "decide-accreditation", Map.of("recommendationSummary", "textarea", "reviewSummary", "textarea"),
        "draft-mou", Map.of("decisionSummary", "textarea", "clearedRepresentatives", "textarea"),
        "sign-mou", Map.of("mouSummary", "textarea"),
        "prepare-renewal", Map.of("termSummary", "textarea"));
    for (String ref : submitted().keySet()) {
      Map<String, String> texts = new LinkedHashMap<>(Map.of("organisationName", "textfield", "applicationSummary", "textarea"));
      texts.putAll(extra.getOrDefault(ref, Map.of()));
      displayed.put(ref, texts);
    }
    return displayed;
  }
}
