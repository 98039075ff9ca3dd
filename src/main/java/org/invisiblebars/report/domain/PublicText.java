package org.invisiblebars.report.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The texts of a report's public version, each redacted by the liaison officer: no field exists for
 * the allegation's details, the competent body or the referral, so none can be published.
 */
public record PublicText(
    String title, String goodPractices, String findings, String recommendations, String response) {

  /** Each text by the name of the form field it comes from, for the safety net's refusals. */
  public Map<String, String> byField() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("publicTitle", title);
    fields.put("publicGoodPractices", goodPractices);
    fields.put("publicFindings", findings);
    fields.put("publicRecommendations", recommendations);
    fields.put("publicResponse", response);
    return fields;
  }
}
