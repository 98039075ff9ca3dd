package org.invisiblebars;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Set;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.context.Context;
import org.invisiblebars.platform.task.UserTaskHandler;
import org.invisiblebars.platform.task.UserTaskHandlerFor;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

/**
 * Keeps the layout of STYLE.md: one package per feature plus {@code platform}; inside a feature,
 * {@code domain} (entities, rules, repositories) knows neither the engine nor the web, {@code
 * usecase} knows no adapter, and the engine and HTTP are reached only from {@code adapter}.
 */
class ArchitectureTest {

  // Plain Jupiter tests rather than ArchUnit's own test engine, which Surefire ran as zero tests
  // here.
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(new ImportOption.DoNotIncludeTests())
          .importPackages("org.invisiblebars");

  private static final String[] FEATURES = {
    "org.invisiblebars.accreditation..",
    "org.invisiblebars.entry..",
    "org.invisiblebars.report..",
    "org.invisiblebars.sla..",
    "org.invisiblebars.organisation..",
    "org.invisiblebars.facility..",
    "org.invisiblebars.meeting..",
    "org.invisiblebars.modelchange..",
    "org.invisiblebars.portal..",
    "org.invisiblebars.registration.."
  };

  @Test
  void platformKnowsNoFeature() {
    noClasses()
        .that()
        .resideInAPackage("org.invisiblebars.platform..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(FEATURES)
        .because("cross-cutting wiring must not depend on a feature")
        .check(CLASSES);
  }

  @Test
  void featuresAreFreeOfCycles() {
    slices().matching("org.invisiblebars.(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void domainKnowsNeitherEngineNorWeb() {
    noClasses()
        .that()
        .resideInAPackage("org.invisiblebars.*.domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.invisiblebars.*.usecase..",
            "org.invisiblebars.*.adapter..",
            "org.camunda..",
            "org.springframework.web..",
            "jakarta.servlet..")
        .check(CLASSES);
  }

  @Test
  void useCasesKnowNoAdapter() {
    noClasses()
        .that()
        .resideInAPackage("org.invisiblebars.*.usecase..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.invisiblebars.*.adapter..", "org.springframework.web..", "jakarta.servlet..")
        .allowEmptyShould(true)
        .check(CLASSES);
  }

  @Test
  void featureClassesLiveInALayer() {
    classes()
        .that()
        .resideInAnyPackage(FEATURES)
        .and()
        .doNotHaveSimpleName("package-info")
        .should()
        .resideInAnyPackage("..domain..", "..usecase..", "..adapter..")
        .allowEmptyShould(true)
        .check(CLASSES);
  }

  @Test
  void delegatesAreAdapters() {
    classes()
        .that()
        .implement(JavaDelegate.class)
        .should()
        .resideInAPackage("..adapter..")
        .andShould()
        .haveSimpleNameEndingWith("Delegate")
        .allowEmptyShould(true)
        .check(CLASSES);
  }

  @Test
  void controllersAreAdapters() {
    classes()
        .that()
        .areAnnotatedWith(RestController.class)
        .should()
        .resideInAnyPackage("..adapter..", "org.invisiblebars.platform..")
        .allowEmptyShould(true)
        .check(CLASSES);
  }

  @Test
  void userTaskHandlersAreProcessAdapters() {
    classes()
        .that()
        .areAssignableTo(UserTaskHandler.class)
        .and()
        .doNotHaveModifier(JavaModifier.ABSTRACT)
        .should()
        .beAnnotatedWith(UserTaskHandlerFor.class)
        .check(CLASSES);
    // what a feature's handlers share (their process, use case and queries) may live in an abstract
    // handler beside them
    classes()
        .that()
        .areAssignableTo(UserTaskHandler.class)
        .and()
        .doNotHaveFullyQualifiedName(UserTaskHandler.class.getName())
        .should()
        .resideInAPackage("org.invisiblebars.*.adapter.process..")
        .andShould()
        .haveSimpleNameEndingWith("Handler")
        .andShould()
        .notBePublic()
        .check(CLASSES);
    classes()
        .that()
        .areAnnotatedWith(UserTaskHandlerFor.class)
        .should()
        .beAssignableTo(UserTaskHandler.class)
        .check(CLASSES);
  }

  /**
   * Time is read from the injected {@code Clock}, so tests can fix it and every part agrees on it.
   */
  @Test
  void timeIsReadFromTheInjectedClock() {
    noClasses()
        .should()
        .callMethod(Instant.class, "now")
        .orShould()
        .callMethod(LocalDate.class, "now")
        .orShould()
        .callMethod(LocalDateTime.class, "now")
        .orShould()
        .callMethod(ZonedDateTime.class, "now")
        .orShould()
        .callMethod(OffsetDateTime.class, "now")
        .orShould()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .callConstructor(Date.class)
        .check(CLASSES);
  }

  /**
   * The only classes that use Camunda's {@code impl} packages (docs/development.md, "Engine
   * internals", says what each wraps and what to check on an engine upgrade). A class that is not
   * listed and reaches into the engine fails the build: use the public API, or the adapter below
   * that wraps the internal, or add an adapter and say why.
   */
  static final Set<String> ENGINE_IMPL_USERS =
      Set.of(
          // Documented extension points: engine plugins, parse listeners, the history event
          // producer.
          "org.invisiblebars.platform.deployment.PublishedBeans",
          "org.invisiblebars.platform.process.TaskListIndexes",
          "org.invisiblebars.platform.process.ConfidentialVariableHistory",
          "org.invisiblebars.platform.security.TaskOperationGuard",
          "org.invisiblebars.sla.adapter.SlaDueDates",
          "org.invisiblebars.platform.mail.TaskNotifications",
          "org.invisiblebars.platform.process.UserTaskParsing", // the parse listener every user
          // task gets
          // One adapter per internal.
          "org.invisiblebars.platform.process.EngineInternals", // the engine configuration's
          // commands, DMN and job executors
          "org.invisiblebars.platform.process.CurrentCommand", // the thread-bound command context
          "org.invisiblebars.platform.identity.Administrators", // the configured admin users and
          // groups
          "org.invisiblebars.platform.identity.IdentityStore", // saving a user without the password
          // policy
          "org.invisiblebars.platform.deployment.DeploymentGuard", // the deployment entity of a
          // pre-deployer
          "org.invisiblebars.modelchange.adapter.process.ModelChangeHold", // the deployment and
          // process definition entities of a post-deployer: held definitions stored suspended
          "org.invisiblebars.platform.process.LiveCallActivities", // a parse listener: call
          // activities bound to latest call the live version
          "org.invisiblebars.platform.process.HeldMigrationTargets", // a migration instruction
          // validator: no migration onto a version awaiting review
          "org.invisiblebars.platform.process.ConfidentialVariables", // variable serializers and
          // the delegate interceptor
          "org.invisiblebars.platform.process.AuthorizationGroups", // the authorization manager's
          // groups
          "org.invisiblebars.platform.process.ExistsAuthorizationCheck", // the SQL mapping of
          // authorization checks
          "org.invisiblebars.platform.security.TaskOperationRules", // task commands, intercepted
          "org.invisiblebars.platform.security.FormFields", // part of TaskOperationRules: the form
          // of a task in a command
          "org.invisiblebars.platform.security.IdentityChanges", // identity commands, intercepted
          "org.invisiblebars.platform.deployment.JuelRules", // the syntax tree of the engine's JUEL
          // parser
          // Only the two public-API types (below) beyond what they wrap or extend.
          "org.invisiblebars.platform.security.PasswordVerification",
          // The handler framework: a parse listener (an extension point) that reads the parsed user
          // task's definition to attach the handler and drop the listeners earlier models named.
          "org.invisiblebars.platform.task.UserTaskHandlers",
          // The engine's REST and web applications' API: our exception mappers in place of
          // Camunda's
          // (its resource configuration classes), and the engine's log categories they answer for.
          "org.invisiblebars.platform.web.EngineFailures",
          "org.invisiblebars.platform.web.EngineRestProviders",
          // The engine's page limit for unpaged queries, read from its configuration.
          "org.invisiblebars.platform.web.UnpagedQueryLimit");

  /**
   * Engine types in {@code impl} packages that its public API hands out or documents for our code
   * to throw.
   */
  static final Set<String> PUBLIC_API_IN_IMPL =
      Set.of(
          "org.camunda.bpm.engine.impl.identity.Authentication", // IdentityService#getCurrentAuthentication
          "org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException"); // a form

  // field
  // validator's
  // refusal

  /**
   * Camunda's internal packages: the engine's, and those of its DMN engine, JUEL, variables, REST
   * API and web applications.
   */
  private static final DescribedPredicate<JavaClass> ENGINE_INTERNAL =
      DescribedPredicate.describe(
          "an engine internal (org.camunda.bpm..impl..)",
          c ->
              c.getPackageName().startsWith("org.camunda.bpm.")
                  && (c.getPackageName() + ".").contains(".impl.")
                  && !PUBLIC_API_IN_IMPL.contains(c.getName()));

  private static final DescribedPredicate<JavaClass> LISTED =
      DescribedPredicate.describe(
          "listed in ENGINE_IMPL_USERS", c -> ENGINE_IMPL_USERS.contains(topLevel(c).getName()));

  private static JavaClass topLevel(JavaClass c) {
    return c.getEnclosingClass().map(ArchitectureTest::topLevel).orElse(c);
  }

  @Test
  void onlyListedAdaptersReachIntoTheEngine() {
    noClasses()
        .that(DescribedPredicate.not(LISTED))
        .should()
        .dependOnClassesThat(ENGINE_INTERNAL)
        .because(
            "the code should move unchanged to a 7.x fork or patch: internals only through one adapter each")
        .check(CLASSES);
  }

  @Test
  void theCommandContextOnlyThroughCurrentCommand() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName("org.invisiblebars.platform.process.CurrentCommand")
        .should()
        .dependOnClassesThat()
        .areAssignableTo(Context.class)
        .check(CLASSES);
  }

  @Test
  void theEngineConfigurationOnlyInPluginsAndItsAdapter() {
    noClasses()
        .that(
            DescribedPredicate.not(
                DescribedPredicate.describe(
                    "an engine plugin or its part",
                    (JavaClass c) -> topLevel(c).isAssignableTo(ProcessEnginePlugin.class))))
        .and()
        .doNotHaveFullyQualifiedName("org.invisiblebars.platform.process.EngineInternals")
        .and()
        .doNotHaveFullyQualifiedName("org.invisiblebars.platform.process.CurrentCommand")
        .and()
        .doNotHaveFullyQualifiedName("org.invisiblebars.platform.identity.Administrators")
        // what engine plugins call in preInit: the parse listener every user task gets
        .and()
        .doNotHaveFullyQualifiedName("org.invisiblebars.platform.process.UserTaskParsing")
        // Command interceptors: the configuration of the command they intercept.
        .and()
        .doNotHaveFullyQualifiedName("org.invisiblebars.platform.security.TaskOperationRules")
        .and()
        .doNotHaveFullyQualifiedName("org.invisiblebars.platform.security.FormFields")
        .and()
        .doNotHaveFullyQualifiedName(
            "org.invisiblebars.platform.web.UnpagedQueryLimit") // the page limit of unpaged queries
        .should()
        .dependOnClassesThat()
        .areAssignableTo(ProcessEngineConfigurationImpl.class)
        .because("beans reach the engine's configuration through EngineInternals, not by a cast")
        .check(CLASSES);
  }
}
