package org.invisiblebars;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;

/**
 * Every process and decision in {@code processes/} carries a {@code camunda:versionTag} in the
 * scheme docs/process-owners.md gives (year and month of the change, {@code 2026.12}, and {@code
 * 2026.12-2} for a second change that month), so people name a version by its tag in Cockpit and on
 * our pages rather than by the engine's counter, which differs between installations.
 */
class ModelVersionTagsTest {

  static final Pattern SCHEME = Pattern.compile("\\d{4}\\.(0[1-9]|1[0-2])(-[2-9]|-[1-9]\\d+)?");

  @Test
  void everyProcessAndDecisionCarriesAVersionTagOfTheScheme() throws IOException {
    List<String> tags = new ArrayList<>();
    for (Path file : models("bpmn")) {
      for (Process process :
          Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(Process.class)) {
        tags.add(
            file.getFileName() + " " + process.getId() + ": " + process.getCamundaVersionTag());
      }
    }
    for (Path file : models("dmn")) {
      for (Decision decision :
          Dmn.readModelFromFile(file.toFile()).getModelElementsByType(Decision.class)) {
        tags.add(file.getFileName() + " " + decision.getId() + ": " + decision.getVersionTag());
      }
    }

    assertThat(tags).hasSizeGreaterThanOrEqualTo(12);
    assertThat(tags)
        .as("models without a versionTag of the scheme YYYY.MM[-n]")
        .filteredOn(tag -> !SCHEME.matcher(tag.substring(tag.indexOf(": ") + 2)).matches())
        .isEmpty();
  }

  @Test
  void theSchemeRefusesWhatIsNotAYearAndMonth() {
    assertThat(SCHEME.matcher("2026.12").matches()).isTrue();
    assertThat(SCHEME.matcher("2026.12-2").matches()).isTrue();
    assertThat(SCHEME.matcher("null").matches()).isFalse();
    assertThat(SCHEME.matcher("2026.13").matches()).isFalse();
    assertThat(SCHEME.matcher("1.0.0").matches()).isFalse();
    assertThat(SCHEME.matcher("2026.12-1").matches()).isFalse();
  }

  private static List<Path> models(String extension) throws IOException {
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      return files.filter(f -> f.toString().endsWith("." + extension)).sorted().toList();
    }
  }
}
