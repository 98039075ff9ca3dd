package org.invisiblebars.platform.migration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.invisiblebars.platform.migration.InstanceMigrations.Plan;
import org.invisiblebars.platform.migration.InstanceMigrations.Progress;
import org.invisiblebars.platform.migration.InstanceMigrations.Version;
import org.invisiblebars.platform.validation.InputRules;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.invisiblebars.platform.web.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Instance migration for process owners and administrators (the security configuration's rule): the
 * versions of a process with their running instances, the proposed plan between two versions, and
 * migrations started and followed.
 */
@Tag(name = "Migrations")
@RestController
@RequestMapping("/api/v1/migrations")
class MigrationController {

  private final InstanceMigrations migrations;
  private final InputRules rules;

  MigrationController(InstanceMigrations migrations, InputRules rules) {
    this.migrations = migrations;
    this.rules = rules;
  }

  @Operation(summary = "The versions of a process that instances may be migrated between")
  @GetMapping("/versions")
  List<Version> versions(@RequestParam String process) {
    return migrations.versions(oneProcess(process));
  }

  @Operation(summary = "Plan a migration of running instances between two versions")
  @GetMapping("/plan")
  Plan plan(
      @RequestParam String process, @RequestParam int fromVersion, @RequestParam int toVersion) {
    return migrations.plan(oneProcess(process), fromVersion, toVersion);
  }

  @Operation(summary = "List instance migrations")
  @GetMapping
  List<Progress> list() {
    return migrations.list();
  }

  @Operation(summary = "Read the progress of an instance migration")
  @GetMapping("/{id}")
  Progress progress(@PathVariable UUID id) {
    return migrations.progress(id);
  }

  /** Starts a migration: 202 with where to follow it. */
  @Operation(summary = "Start migrating running instances")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @PostMapping
  ResponseEntity<Progress> start(@RequestBody Request request, Authentication authentication) {
    rules.check(request, List.of());
    InstanceMigration started =
        migrations.start(
            request.process(),
            request.fromVersion(),
            request.toVersion(),
            Caller.of(authentication));
    return ResponseEntity.accepted()
        .location(URI.create("/api/v1/migrations/" + started.getId()))
        .body(migrations.progress(started.getId()));
  }

  /**
   * The process key asked for: a repeated parameter reaches us joined by commas, which no process
   * key holds (it is an XML id).
   */
  private static String oneProcess(String process) {
    if (process.contains(",")) {
      throw InvalidInputException.of("process", "must be one process key, given once");
    }
    return process;
  }

  /** Which process, from which version to which. */
  record Request(
      @NotBlank String process,
      @NotNull @Positive Integer fromVersion,
      @NotNull @Positive Integer toVersion) {}
}
