package org.invisiblebars;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.invisiblebars.accreditation.domain.AccreditationStatus;
import org.invisiblebars.platform.deployment.PublishedForModels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/**
 * The element templates in {@code element-templates/} against the beans models may call: every
 * delegate bean {@link PublishedForModels published for models} has one, every template names such
 * a bean, and its inputs are what the bean reads. What a bean reads and writes is taken from its
 * compiled {@code execute}: the names it passes to {@code getVariable} and {@code getVariableLocal}
 * (a constant is compiled into the call), and every other name it uses (those it sets). A local
 * read needs an input parameter; a read of a variable the process already has, and every variable
 * the bean sets, is named in the template's description, where the process owner reads it.
 */
class ElementTemplatesTest {

  static final String SCHEMA =
      "https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json";
  static final Set<String> FIELD_TYPES = Set.of("String", "Text", "Dropdown", "Boolean");
  private static final Pattern DELEGATE_EXPRESSION = Pattern.compile("\\$\\{(\\w+)}");

  static Map<String, Class<?>> delegates;
  static Map<String, JsonNode> templates;

  @BeforeAll
  static void read() throws Exception {
    delegates = new TreeMap<>();
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(PublishedForModels.class));
    for (BeanDefinition definition : scanner.findCandidateComponents("org.invisiblebars")) {
      Class<?> type = Class.forName(definition.getBeanClassName());
      String bean = type.getAnnotation(Component.class).value();
      boolean calledByATask =
          JavaDelegate.class.isAssignableFrom(type)
              || ExecutionListener.class.isAssignableFrom(type)
              || TaskListener.class.isAssignableFrom(type);
      if (calledByATask && !ModelContractsTest.EARLIER_VERSIONS_ONLY.contains(bean)) {
        delegates.put(bean, type);
      }
    }
    templates = new TreeMap<>();
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.list(Path.of("element-templates"))) {
      for (Path file : files.sorted().toList()) {
        templates.put(file.getFileName().toString(), json.readTree(file.toFile()));
      }
    }
  }

  @Test
  void everyPublishedDelegateHasATemplateAndEveryTemplateNamesOne() {
    assertThat(delegates).as("published delegate beans found").hasSizeGreaterThan(20);
    Map<String, String> beanOfTemplate = new TreeMap<>();
    templates.forEach((file, template) -> beanOfTemplate.put(file, bean(template)));

    assertThat(beanOfTemplate.values())
        .as("beans the templates name")
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(delegates.keySet());
  }

  @Test
  void everyTemplateIsACamunda7ServiceTaskTemplateWithLabelledFields() {
    SoftAssertions softly = new SoftAssertions();
    templates.forEach(
        (file, template) -> {
          softly.assertThat(file).as("file name").matches("[a-z0-9]+(-[a-z0-9]+)*\\.json");
          softly
              .assertThat(template.path("$schema").asText())
              .as("%s $schema", file)
              .isEqualTo(SCHEMA);
          for (String field : List.of("name", "id", "description")) {
            softly.assertThat(template.path(field).asText()).as("%s %s", file, field).isNotBlank();
          }
          softly
              .assertThat(texts(template.path("appliesTo")))
              .as("%s appliesTo", file)
              .containsExactly("bpmn:ServiceTask");
          softly
              .assertThat(template.path("properties").isArray())
              .as("%s properties", file)
              .isTrue();
          for (JsonNode property : template.path("properties")) {
            String binding = property.at("/binding/type").asText();
            if (binding.equals("property")) {
              softly
                  .assertThat(property.path("type").asText())
                  .as("%s %s", file, property)
                  .isEqualTo("Hidden");
            } else {
              softly.assertThat(binding).as("%s binding", file).isEqualTo("camunda:inputParameter");
              softly.assertThat(property.path("label").asText()).as("%s label", file).isNotBlank();
              softly
                  .assertThat(property.path("type").asText())
                  .as("%s type", file)
                  .isIn(FIELD_TYPES);
              if (property.path("type").asText().equals("Dropdown")) {
                softly.assertThat(property.path("choices")).as("%s choices", file).isNotEmpty();
              }
            }
          }
        });
    softly
        .assertThat(templates.values().stream().map(t -> t.path("id").asText()).toList())
        .as("template ids")
        .doesNotHaveDuplicates();
    softly.assertAll();
  }

  @Test
  void theInputsAreWhatTheBeanReadsAndTheDescriptionNamesTheRest() throws IOException {
    SoftAssertions softly = new SoftAssertions();
    for (var entry : templates.entrySet()) {
      String file = entry.getKey();
      JsonNode template = entry.getValue();
      Class<?> type = delegates.get(bean(template));
      if (type == null) {
        continue; // reported by everyPublishedDelegateHasATemplateAndEveryTemplateNamesOne
      }
      Names names = Names.of(type);
      Set<String> inputs = new LinkedHashSet<>();
      for (JsonNode property : template.path("properties")) {
        if (property.at("/binding/type").asText().equals("camunda:inputParameter")) {
          inputs.add(property.at("/binding/name").asText());
        }
      }
      String description = template.path("description").asText();

      softly
          .assertThat(names.reads())
          .as("%s: %s reads something", file, type.getSimpleName())
          .isNotEmpty();
      softly
          .assertThat(inputs)
          .as(
              "%s: inputs of %s (local reads need one; no input the bean does not read)",
              file, type.getSimpleName())
          .containsAll(names.localReads())
          .isSubsetOf(names.reads());
      for (String name : names.reads()) {
        if (!inputs.contains(name)) {
          softly
              .assertThat(description)
              .as(
                  "%s: the description names `%s`, which %s reads",
                  file, name, type.getSimpleName())
              .contains("`" + name + "`");
        }
      }
      for (String name : names.others()) {
        softly
            .assertThat(description)
            .as("%s: the description names `%s`, which %s sets", file, name, type.getSimpleName())
            .contains("`" + name + "`");
      }
    }
    softly.assertAll();
  }

  @Test
  void theTargetStatusesAreStatusesAndCoverThoseTheModelUses() throws IOException {
    JsonNode status = templates.get("accreditation-status.json");
    List<String> choices = new ArrayList<>();
    for (JsonNode property : status.path("properties")) {
      if (property.at("/binding/name").asText().equals("targetStatus")) {
        property.path("choices").forEach(choice -> choices.add(choice.path("value").asText()));
      }
    }
    Set<String> statuses =
        Arrays.stream(AccreditationStatus.values()).map(Enum::name).collect(Collectors.toSet());
    Matcher used =
        Pattern.compile("<camunda:inputParameter name=\"targetStatus\">(\\w+)<")
            .matcher(Files.readString(Path.of("processes", "ngo-accreditation.bpmn")));
    Set<String> inTheModel = new LinkedHashSet<>();
    while (used.find()) {
      inTheModel.add(used.group(1));
    }

    assertThat(choices).isSubsetOf(statuses).containsAll(inTheModel);
    assertThat(inTheModel).isNotEmpty();
  }

  private static String bean(JsonNode template) {
    for (JsonNode property : template.path("properties")) {
      if (property.at("/binding/type").asText().equals("property")
          && property.at("/binding/name").asText().equals("camunda:delegateExpression")) {
        Matcher matcher = DELEGATE_EXPRESSION.matcher(property.path("value").asText());
        return matcher.matches() ? matcher.group(1) : property.path("value").asText();
      }
    }
    return null;
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  /**
   * The variable names in a bean's compiled {@code execute} (or {@code notify}): a constant passed
   * to {@code getVariable} or {@code getVariableLocal} is loaded right before the call; every other
   * string constant there is a name the bean sets (all they load today).
   */
  record Names(Set<String> reads, Set<String> localReads, Set<String> others) {

    static Names of(Class<?> type) throws IOException {
      Names names = new Names(new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>());
      for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
        try (InputStream bytes = c.getResourceAsStream(c.getSimpleName() + ".class")) {
          new ClassReader(bytes).accept(names.visitor(), ClassReader.SKIP_DEBUG);
        }
      }
      names.others().removeAll(names.reads());
      return names;
    }

    private ClassVisitor visitor() {
      return new ClassVisitor(Opcodes.ASM9) {
        @Override
        public MethodVisitor visitMethod(
            int access, String name, String descriptor, String signature, String[] exceptions) {
          if (!name.equals("execute") && !name.equals("notify")) {
            return null;
          }
          return new MethodVisitor(Opcodes.ASM9) {
            private String loaded;

            @Override
            public void visitLdcInsn(Object value) {
              if (loaded != null) {
                others.add(loaded);
              }
              loaded = value instanceof String text ? text : null;
            }

            @Override
            public void visitMethodInsn(
                int opcode, String owner, String method, String descriptor, boolean isInterface) {
              if (loaded != null && method.equals("getVariable")) {
                reads.add(loaded);
              } else if (loaded != null && method.equals("getVariableLocal")) {
                reads.add(loaded);
                localReads.add(loaded);
              } else if (loaded != null) {
                others.add(loaded);
              }
              loaded = null;
            }

            @Override
            public void visitEnd() {
              if (loaded != null) {
                others.add(loaded);
              }
            }
          };
        }
      };
    }
  }
}
