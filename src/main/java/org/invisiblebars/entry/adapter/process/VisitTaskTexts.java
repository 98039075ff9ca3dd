package org.invisiblebars.entry.adapter.process;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.invisiblebars.entry.domain.EntryOutcome;
import org.invisiblebars.entry.domain.Equipment;
import org.invisiblebars.entry.domain.RiskAssessment;
import org.invisiblebars.entry.domain.SearchLevel;
import org.invisiblebars.entry.domain.Visit;
import org.invisiblebars.entry.domain.VisitRepresentative;
import org.invisiblebars.entry.usecase.VisitQueries.TaskView;

/**
 * The words the entry forms show staff about a visit, its risk and its gate, written from what the
 * use cases read: the texts belong to the forms that show them, the facts to the use cases.
 */
final class VisitTaskTexts {

  private VisitTaskTexts() {}

  /**
   * What a staff task shows about the visit: organisation, place, window, people, activity, areas,
   * equipment.
   */
  static String visitSummary(TaskView view) {
    Visit visit = view.visit();
    return String.join(
        "\n",
        "Organisation: "
            + view.organisationName()
            + " ("
            + visit.getMandateType()
            + (visit.isAnnounced() ? "" : ", unannounced")
            + ")",
        "Facility: " + view.facilityName(),
        "When: " + view.window(),
        "Representatives: "
            + visit.representativeIds().stream()
                .map(view.names()::get)
                .sorted()
                .collect(Collectors.joining(", ")),
        "Activity: " + visit.getActivity(),
        "Areas: "
            + (visit.getAreas().isEmpty() ? "none named" : String.join(", ", visit.getAreas())),
        "Equipment: "
            + (visit.getEquipment().isEmpty()
                ? "none"
                : visit.getEquipment().stream()
                    .map(Equipment::name)
                    .sorted()
                    .collect(Collectors.joining(", "))));
  }

  /** The risk proposal with the factors the decision weighed, for security's assessment. */
  static String riskProposal(RiskAssessment a) {
    RiskAssessment.RiskInputs in = a.inputs();
    return String.join(
        "\n",
        "Proposed risk: " + a.getProposedRisk() + " — " + a.getProposedRationale(),
        "First visit of a representative: " + yesNo(in.firstVisit()),
        "Incidents in the last 12 months: " + in.incidentsLast12Months(),
        "Facility security level: " + in.facilitySecurityLevel(),
        "Facility alert level: " + in.alertLevel(),
        "High-security areas requested: " + yesNo(in.highSecurityAreasRequested()),
        "Electronic equipment: " + yesNo(in.electronicEquipment()));
  }

  /** The assessment and protocol, for the director's authorisation. */
  static String assessmentSummary(RiskAssessment a) {
    return String.join(
        "\n",
        "Risk: "
            + a.getRisk()
            + (a.isOverridden()
                ? " (security overrode the proposed "
                    + a.getProposedRisk()
                    + ": "
                    + a.getOverrideReasons()
                    + ")"
                : " (as proposed: " + a.getProposedRationale() + ")"),
        "Search protocol: " + a.getSearchLevel() + " — " + a.getSearchRationale(),
        "Assessed by " + a.getAssessedBy());
  }

  /** The authorised level and conditions, for scheduling and the gate. */
  static String authorisationSummary(Visit visit) {
    SearchLevel level = visit.getAuthorisedSearchLevel();
    return "Authorised search: "
        + (level == null ? "none yet" : level + " — " + level.techniques())
        + (visit.getConditions() == null ? "" : "\nConditions: " + visit.getConditions())
        + (visit.getEscort() == null
            ? ""
            : "\nEscort: " + visit.getEscort() + ", meeting at " + visit.getMeetingPoint());
  }

  /** Why a formal monitor is at the gate without a staff decision, for the director. */
  static String admissionSummary(Visit visit) {
    return (visit.isAnnounced()
            ? "The visit was still undecided when the gate opened"
            : "Unannounced visit registered at the gate by " + visit.getRequestedBy())
        + ": a "
        + visit.getMandateType()
        + " monitor's access is a right, so it went to the gate at "
        + visit.getAdmittedByRightAt()
        + " without waiting for a decision. Security checks each monitor's identity against the"
        + " mandate, briefs anyone never briefed and checks them in; nothing waits for you.";
  }

  /** One representative at the gate: name, acknowledgement, briefing. */
  static String gateSummary(TaskView view, UUID representativeId) {
    Visit visit = view.visit();
    VisitRepresentative person = visit.representative(representativeId);
    return String.join(
        "\n",
        "Representative: " + view.names().get(representativeId),
        "Search notice acknowledged: "
            + (person.isAcknowledged()
                ? "yes, " + person.getAcknowledgedAt()
                : "NO — no entry"
                    + (visit.acknowledgesAtGate() ? " unless acknowledged here at the gate" : "")),
        "Security briefing: "
            + (view.briefed().contains(representativeId) ? "held" : "NOT held — no entry"));
  }

  /** Who entered and who is still inside, for check-out and for accounting for visitors. */
  static String enteredSummary(TaskView view) {
    Visit visit = view.visit();
    Map<UUID, String> names = view.names();
    return "Entered: "
        + visit.getRepresentatives().stream()
            .filter(r -> r.getEntryOutcome() == EntryOutcome.ENTERED)
            .map(r -> names.get(r.getRepresentativeId()) + " (" + r.getAppliedSearchLevel() + ")")
            .sorted()
            .collect(Collectors.joining(", "))
        + "\nEscort: "
        + visit.getEscort()
        + "\nWindow: "
        + view.window();
  }

  private static String yesNo(boolean value) {
    return value ? "yes" : "no";
  }
}
