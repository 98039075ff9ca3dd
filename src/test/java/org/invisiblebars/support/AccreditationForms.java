package org.invisiblebars.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an NGO sends to apply, and what staff fill in on the accreditation's forms, as the tests
 * need them.
 */
public final class AccreditationForms {

  private AccreditationForms() {}

  /** An NGO's application to monitor {@code facilityId}, naming {@code people} (full names). */
  public static Map<String, Object> application(
      String activity, String facilityId, List<String> people) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("mandateType", "NGO");
    body.put("programmeType", "MONITORING");
    body.put("proposedActivity", activity);
    body.put("sustainabilityMonths", 10);
    body.put("facilityIds", List.of(facilityId));
    body.put(
        "representatives",
        people.stream().map(name -> Map.of("fullName", name, "role", "Monitor")).toList());
    return body;
  }

  /** Every criterion of *Rate accreditation criteria* rated {@code rating}, with evidence. */
  public static Map<String, Object> everyCriterionRated(int rating) {
    Map<String, Object> ratings = new LinkedHashMap<>();
    for (String c :
        List.of(
            "knowledge",
            "expertise",
            "performance",
            "trackRecord",
            "commitment",
            "funds",
            "reputation")) {
      ratings.put(c + "Rating", rating);
      ratings.put(c + "Evidence", "Evidence for " + c);
    }
    return ratings;
  }

  /** The clauses of *Draft MoU*. */
  public static Map<String, Object> mouClauses() {
    Map<String, Object> clauses = new LinkedHashMap<>();
    clauses.put("mandateAndExpectations", "Independent monitoring of detention conditions");
    clauses.put("responsibilities", "The NGO never replaces staff duties");
    clauses.put("days", "Tuesdays and Thursdays");
    clauses.put("hours", "09:00-16:00");
    clauses.put("procedures", "Escorted by a liaison officer");
    clauses.put("allowedActivities", "Interviews with prisoners");
    clauses.put("excludedAreas", "Segregation unit");
    clauses.put("confidentialityDays", 45);
    clauses.put("termMonths", 12);
    clauses.put("universalAccess", false);
    return clauses;
  }
}
