package org.invisiblebars.platform.migration;

import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.invisiblebars.platform.validation.RuleViolation;
import org.invisiblebars.platform.web.Caller;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The process owners' migration page at {@code /models} ({@code templates/models/}): every process
 * with its versions and running instances, the plan between two versions with what cannot be
 * mapped, the migration started from it, and its progress instance by instance. A page over {@link
 * InstanceMigrations}, signed in with the dashboard's form (the security configuration lets process
 * owners and administrators in).
 */
@Controller
class MigrationPage {

  private final InstanceMigrations migrations;
  private final RepositoryService repository;

  MigrationPage(InstanceMigrations migrations, RepositoryService repository) {
    this.migrations = migrations;
    this.repository = repository;
  }

  @GetMapping(value = "/models", produces = MediaType.TEXT_HTML_VALUE)
  String index(Authentication authentication, CsrfToken csrf, Model model) {
    List<ProcessVersions> processes =
        repository
            .createProcessDefinitionQuery()
            .latestVersion()
            .orderByProcessDefinitionKey()
            .asc()
            .list()
            .stream()
            .map(ProcessDefinition::getKey)
            .distinct()
            .map(key -> new ProcessVersions(key, migrations.versions(key)))
            .toList();
    page(model, authentication, csrf)
        .addAttribute("processes", processes)
        .addAttribute("migrations", migrations.list());
    return "models/index";
  }

  @GetMapping(value = "/models/plan", produces = MediaType.TEXT_HTML_VALUE)
  String plan(
      @RequestParam String process,
      @RequestParam int fromVersion,
      @RequestParam int toVersion,
      Authentication authentication,
      CsrfToken csrf,
      Model model) {
    page(model, authentication, csrf)
        .addAttribute("plan", migrations.plan(process, fromVersion, toVersion));
    return "models/plan";
  }

  /** Starts the migration of the plan shown; a refusal shows the plan again with the reason. */
  @PostMapping(value = "/models/migrations", produces = MediaType.TEXT_HTML_VALUE)
  String start(
      @RequestParam String process,
      @RequestParam int fromVersion,
      @RequestParam int toVersion,
      Authentication authentication,
      CsrfToken csrf,
      Model model) {
    try {
      UUID id =
          migrations.start(process, fromVersion, toVersion, Caller.of(authentication)).getId();
      return "redirect:/models/migrations/" + id;
    } catch (RuleViolation refused) {
      page(model, authentication, csrf)
          .addAttribute("plan", migrations.plan(process, fromVersion, toVersion))
          .addAttribute("refusal", refused.getMessage());
      return "models/plan";
    }
  }

  @GetMapping(value = "/models/migrations/{id}", produces = MediaType.TEXT_HTML_VALUE)
  String progress(
      @PathVariable UUID id, Authentication authentication, CsrfToken csrf, Model model) {
    page(model, authentication, csrf).addAttribute("progress", migrations.progress(id));
    return "models/progress";
  }

  private static Model page(Model model, Authentication authentication, CsrfToken csrf) {
    return model
        .addAttribute("user", authentication.getName())
        .addAttribute("csrfParameter", csrf.getParameterName())
        .addAttribute("csrfToken", csrf.getToken());
  }

  /** A process and its versions, newest first. */
  record ProcessVersions(String key, List<InstanceMigrations.Version> versions) {

    /** The version new instances start on: the newest not awaiting review; null if none. */
    public InstanceMigrations.Version live() {
      return versions.stream().filter(v -> !v.awaitingReview()).findFirst().orElse(null);
    }
  }
}
