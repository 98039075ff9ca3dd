package org.invisiblebars.accreditation.adapter.process;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import java.util.UUID;
import org.invisiblebars.accreditation.domain.Vetting;
import org.invisiblebars.accreditation.usecase.AccreditationProcess;
import org.invisiblebars.accreditation.usecase.AccreditationProcess.Element;
import org.invisiblebars.accreditation.usecase.AccreditationProcess.Variable;
import org.invisiblebars.accreditation.usecase.AccreditationQueries;
import org.invisiblebars.accreditation.usecase.ReviewAccreditation;
import org.invisiblebars.organisation.domain.Representative;
import org.invisiblebars.platform.identity.Groups;
import org.invisiblebars.platform.task.Completion;
import org.invisiblebars.platform.task.TaskCase;
import org.invisiblebars.platform.task.UserTaskHandlerFor;

/**
 * Vet representative: security clears or refuses one person the organisation named, one task per
 * person (the multi-instance task's {@link Variable#REPRESENTATIVE_ID}); a refusal leaves the
 * others unaffected.
 */
@UserTaskHandlerFor(process = AccreditationProcess.KEY, task = Element.VET_REPRESENTATIVES)
class VetRepresentativesHandler
    extends AccreditationTaskHandler<
        VetRepresentativesHandler.Form, VetRepresentativesHandler.Display> {

  /** The outcomes security chooses from; a representative is pending until one is chosen. */
  enum Outcome {
    CLEARED(Vetting.CLEARED),
    REFUSED(Vetting.REFUSED);

    private final Vetting vetting;

    Outcome(Vetting vetting) {
      this.vetting = vetting;
    }
  }

  record Form(@NotNull Outcome vetting, @NotBlank @Size(max = 2000) String vettingReasons) {}

  record Display(String applicationSummary, String representativeName, String representativeRole) {}

  VetRepresentativesHandler(ReviewAccreditation review, AccreditationQueries queries) {
    super(review, queries);
  }

  @Override
  public Display display(TaskCase task) {
    Representative person =
        queries
            .representativesOf(queries.scoped(task.id(), Optional.empty()))
            .get(task.recordId(Variable.REPRESENTATIVE_ID));
    return new Display(
        queries.applicationSummary(task.id(), Groups.SECURITY),
        person.getFullName(),
        person.getRole() == null ? "" : person.getRole());
  }

  @Override
  public Completion complete(TaskCase task, Form form) {
    UUID person = task.recordId(Variable.REPRESENTATIVE_ID);
    review.vetRepresentative(task.id(), person, form.vetting().vetting, form.vettingReasons());
    return Completion.logged(form.vetting().name() + " " + person, form.vettingReasons());
  }
}
