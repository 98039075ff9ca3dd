package org.invisiblebars.portal.adapter.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.invisiblebars.report.domain.Priority;
import org.invisiblebars.report.domain.ResourceEstimate;
import org.invisiblebars.report.usecase.SubmitReport;

/**
 * The report form as the browser sends it, on every step (the form, each "add another", the check
 * page's hidden fields): plain texts bound by Spring MVC ({@code recommendations[2].text}), so that
 * a value that is not a facility, a visit or a priority reaches the use case as missing and comes
 * back as the use case's own problem naming the field, instead of a binding error.
 */
public class ReportForm {

  private String idempotencyKey;
  private String title;
  private String facilityId;
  private List<String> visitIds = new ArrayList<>();
  private String visitsCovered;
  private String goodPractices;
  private String findings;
  private String allegation;
  private String allegationDetails;
  private String personsNamed;
  private List<Row> recommendations = new ArrayList<>();

  /** The request of {@code POST /api/v1/reports} this form stands for. */
  SubmitReport.Request request() {
    return new SubmitReport.Request(
        title,
        uuid(facilityId),
        visitsCovered,
        blankAsNull(goodPractices),
        findings,
        allegation == null ? null : "yes".equals(allegation),
        blankAsNull(allegationDetails),
        personsNamed == null
            ? List.of()
            : Arrays.stream(personsNamed.split("\\R"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList(),
        visitIds.stream().map(ReportForm::uuid).toList(),
        recommendations.stream().map(Row::request).toList());
  }

  /** The names one per line, as the check page lists them. */
  public List<String> getNames() {
    return request().personsNamed();
  }

  private static String blankAsNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  private static UUID uuid(String text) {
    try {
      return text == null || text.isBlank() ? null : UUID.fromString(text.strip());
    } catch (IllegalArgumentException notAnId) {
      return null;
    }
  }

  private static <E extends Enum<E>> E constant(Class<E> type, String text) {
    try {
      return text == null || text.isBlank() ? null : Enum.valueOf(type, text.strip());
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }

  public String getIdempotencyKey() {
    return idempotencyKey;
  }

  public void setIdempotencyKey(String idempotencyKey) {
    this.idempotencyKey = idempotencyKey;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getFacilityId() {
    return facilityId;
  }

  public void setFacilityId(String facilityId) {
    this.facilityId = facilityId;
  }

  public List<String> getVisitIds() {
    return visitIds;
  }

  public void setVisitIds(List<String> visitIds) {
    this.visitIds = visitIds == null ? new ArrayList<>() : new ArrayList<>(visitIds);
  }

  public String getVisitsCovered() {
    return visitsCovered;
  }

  public void setVisitsCovered(String visitsCovered) {
    this.visitsCovered = visitsCovered;
  }

  public String getGoodPractices() {
    return goodPractices;
  }

  public void setGoodPractices(String goodPractices) {
    this.goodPractices = goodPractices;
  }

  public String getFindings() {
    return findings;
  }

  public void setFindings(String findings) {
    this.findings = findings;
  }

  public String getAllegation() {
    return allegation;
  }

  public void setAllegation(String allegation) {
    this.allegation = allegation;
  }

  public String getAllegationDetails() {
    return allegationDetails;
  }

  public void setAllegationDetails(String allegationDetails) {
    this.allegationDetails = allegationDetails;
  }

  public String getPersonsNamed() {
    return personsNamed;
  }

  public void setPersonsNamed(String personsNamed) {
    this.personsNamed = personsNamed;
  }

  public List<Row> getRecommendations() {
    return recommendations;
  }

  public void setRecommendations(List<Row> recommendations) {
    this.recommendations = recommendations == null ? new ArrayList<>() : recommendations;
  }

  /** One recommendation of the form. */
  public static class Row {

    private String text;
    private String area;
    private String priority;
    private String resourceEstimate;

    SubmitReport.RecommendationRequest request() {
      return new SubmitReport.RecommendationRequest(
          text,
          area,
          constant(Priority.class, priority),
          constant(ResourceEstimate.class, resourceEstimate));
    }

    public String getText() {
      return text;
    }

    public void setText(String text) {
      this.text = text;
    }

    public String getArea() {
      return area;
    }

    public void setArea(String area) {
      this.area = area;
    }

    public String getPriority() {
      return priority;
    }

    public void setPriority(String priority) {
      this.priority = priority;
    }

    public String getResourceEstimate() {
      return resourceEstimate;
    }

    public void setResourceEstimate(String resourceEstimate) {
      this.resourceEstimate = resourceEstimate;
    }
  }
}
