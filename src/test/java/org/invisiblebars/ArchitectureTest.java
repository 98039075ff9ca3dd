package org.invisiblebars;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.web.bind.annotation.RestController;

/**
 * Keeps the layout of STYLE.md: one package per feature plus {@code platform}; inside a feature,
 * {@code domain} (entities, rules, repositories) knows neither the engine nor the web, {@code
 * usecase} knows no adapter, and the engine and HTTP are reached only from {@code adapter}.
 */
@AnalyzeClasses(packages = "org.invisiblebars", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String[] FEATURES = {
    "org.invisiblebars.accreditation..",
    "org.invisiblebars.entry..",
    "org.invisiblebars.report..",
    "org.invisiblebars.sla..",
    "org.invisiblebars.organisation.."
  };

  @ArchTest
  static final ArchRule platformKnowsNoFeature =
      noClasses().that().resideInAPackage("org.invisiblebars.platform..")
          .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
          .because("cross-cutting wiring must not depend on a feature");

  @ArchTest
  static final ArchRule featuresAreFreeOfCycles =
      slices().matching("org.invisiblebars.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule domainKnowsNeitherEngineNorWeb =
      noClasses().that().resideInAPackage("org.invisiblebars.*.domain..")
          .should().dependOnClassesThat().resideInAnyPackage(
              "org.invisiblebars.*.usecase..", "org.invisiblebars.*.adapter..",
              "org.camunda..", "org.springframework.web..", "jakarta.servlet..");

  @ArchTest
  static final ArchRule useCasesKnowNoAdapter =
      noClasses().that().resideInAPackage("org.invisiblebars.*.usecase..")
          .should().dependOnClassesThat().resideInAnyPackage(
              "org.invisiblebars.*.adapter..", "org.springframework.web..", "jakarta.servlet..");

  @ArchTest
  static final ArchRule featureClassesLiveInALayer =
      classes().that().resideInAnyPackage(FEATURES).and().doNotHaveSimpleName("package-info")
          .should().resideInAnyPackage("..domain..", "..usecase..", "..adapter..")
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule delegatesAreAdapters =
      classes().that().implement(JavaDelegate.class)
          .should().resideInAPackage("..adapter..")
          .andShould().haveSimpleNameEndingWith("Delegate")
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule controllersAreAdapters =
      classes().that().areAnnotatedWith(RestController.class)
          .should().resideInAnyPackage("..adapter..", "org.invisiblebars.platform..")
          .allowEmptyShould(true);
}
