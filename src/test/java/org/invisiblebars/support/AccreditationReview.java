package org.invisiblebars.support;

import static org.invisiblebars.support.AccreditationForms.everyCriterionRated;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * An application taken through the staff's review in Tasklist's engine API as lena, sam and martha:
 * complete, rated 4 on every criterion, every representative cleared, staff consulted, approved
 * (with the conditions given, if any; against the recommendation with a reason when capacity made
 * it negative). Returns when *Draft MoU* is open.
 */
public final class AccreditationReview {

  private AccreditationReview() {}

  public static void approve(EngineTasks engine, String id, String conditions) {
    engine.complete(
        "lena", id, "Task_CheckApplicationCompleteness", Map.of("completeness", "COMPLETE"));
    engine.complete("lena", id, "Task_RateAccreditationCriteria", everyCriterionRated(4));
    for (JsonNode vetting : engine.tasks("sam", id, "Task_VetRepresentatives")) {
      engine.completeTask(
          "sam",
          vetting.get("id").asText(),
          Map.of("vetting", "CLEARED", "vettingReasons", "No record"));
    }
    engine.complete("lena", id, "Task_ConsultStaff", Map.of("staffViews", "Welcome"));
    engine.awaitTasks("martha", id, "Task_DecideAccreditation");
    Map<String, Object> decision =
        new HashMap<>(
            Map.of(
                "decision",
                conditions == null ? "APPROVE" : "APPROVE_WITH_CONDITIONS",
                "decisionReasons",
                "Meets the criteria",
                // capacity may be full with other tests' organisations, so the recommendation may
                // be negative; a reason is then required, and ignored otherwise
                "againstRecommendationReason",
                "Capacity is managed by the conditions"));
    if (conditions != null) {
      decision.put("conditions", conditions);
    }
    engine.complete("martha", id, "Task_DecideAccreditation", decision);
    engine.awaitTasks("lena", id, "Task_DraftMou");
  }
}
