package org.invisiblebars;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.domain.JavaModifier;
import org.invisiblebars.platform.task.UserTaskHandler;
import org.invisiblebars.platform.task.UserTaskHandlerFor;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.web.bind.annotation.RestController;

/**
 * Keeps the layout of STYLE.md: one package per feature plus {@code platform}; inside a feature,
 * {@code domain} (entities, rules, repositories) knows neither the engine nor the web, {@code
 * usecase} knows no adapter, and the engine and HTTP are reached only from {@code adapter}.
 */
class ArchitectureTest {

  // Plain Jupiter tests rather than ArchUnit's own test engine, which Surefire ran as zero tests here.
  private static final JavaClasses CLASSES =
      new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests()).importPackages("org.invisiblebars");

  private static final String[] FEATURES = {
    "org.invisiblebars.accreditation..",
    "org.invisiblebars.entry..",
    "org.invisiblebars.report..",
    "org.invisiblebars.sla..",
    "org.invisiblebars.organisation..",
    "org.invisiblebars.facility.."
  };

  @Test
  void platformKnowsNoFeature() {
    noClasses().that().resideInAPackage("org.invisiblebars.platform..")
          .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
          .because("cross-cutting wiring must not depend on a feature")
        .check(CLASSES);
  }

  @Test
  void featuresAreFreeOfCycles() {
    slices().matching("org.invisiblebars.(*)..").should().beFreeOfCycles()
        .check(CLASSES);
  }

  @Test
  void domainKnowsNeitherEngineNorWeb() {
    noClasses().that().resideInAPackage("org.invisiblebars.*.domain..")
          .should().dependOnClassesThat().resideInAnyPackage(
              "org.invisiblebars.*.usecase..", "org.invisiblebars.*.adapter..",
              "org.camunda..", "org.springframework.web..", "jakarta.servlet..")
        .check(CLASSES);
  }

  @Test
  void useCasesKnowNoAdapter() {
    noClasses().that().resideInAPackage("org.invisiblebars.*.usecase..")
          .should().dependOnClassesThat().resideInAnyPackage(
              "org.invisiblebars.*.adapter..", "org.springframework.web..", "jakarta.servlet..")
          .allowEmptyShould(true)
        .check(CLASSES);
  }

  @Test
  void featureClassesLiveInALayer() {
    classes().that().resideInAnyPackage(FEATURES).and().doNotHaveSimpleName("package-info")
          .should().resideInAnyPackage("..domain..", "..usecase..", "..adapter..")
          .allowEmptyShould(true)
        .check(CLASSES);
  }

  @Test
  void delegatesAreAdapters() {
    classes().that().implement(JavaDelegate.class)
          .should().resideInAPackage("..adapter..")
          .andShould().haveSimpleNameEndingWith("Delegate")
          .allowEmptyShould(true)
        .check(CLASSES);
  }

  @Test
  void controllersAreAdapters() {
    classes().that().areAnnotatedWith(RestController.class)
          .should().resideInAnyPackage("..adapter..", "org.invisiblebars.platform..")
          .allowEmptyShould(true)
        .check(CLASSES);
  }

  @Test
  void userTaskHandlersAreProcessAdapters() {
    classes().that().areAssignableTo(UserTaskHandler.class).and().doNotHaveModifier(JavaModifier.ABSTRACT)
          .should().beAnnotatedWith(UserTaskHandlerFor.class)
        .check(CLASSES);
    // what a feature's handlers share (their process, use case and queries) may live in an abstract handler beside them
    classes().that().areAssignableTo(UserTaskHandler.class).and().doNotHaveFullyQualifiedName(UserTaskHandler.class.getName())
          .should().resideInAPackage("org.invisiblebars.*.adapter.process..")
          .andShould().haveSimpleNameEndingWith("Handler")
          .andShould().notBePublic()
        .check(CLASSES);
    classes().that().areAnnotatedWith(UserTaskHandlerFor.class)
          .should().beAssignableTo(UserTaskHandler.class)
        .check(CLASSES);
  }

  /** Time is read from the injected {@code Clock}, so tests can fix it and every part agrees on it. */
  @Test
  void timeIsReadFromTheInjectedClock() {
    noClasses().should().callMethod(Instant.class, "now")
          .orShould().callMethod(LocalDate.class, "now")
          .orShould().callMethod(LocalDateTime.class, "now")
          .orShould().callMethod(ZonedDateTime.class, "now")
          .orShould().callMethod(OffsetDateTime.class, "now")
          .orShould().callMethod(System.class, "currentTimeMillis")
          .orShould().callConstructor(Date.class)
        .check(CLASSES);
  }
}
