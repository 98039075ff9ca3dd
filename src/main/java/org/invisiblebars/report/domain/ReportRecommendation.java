package org.invisiblebars.report.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One recommendation of a report, the authorities' answer to it and its follow-up. */
@Entity
@Table(name = "report_recommendation")
public class ReportRecommendation {

  /** An action due within this many days of the plan that needs few resources is a quick win. */
  static final int SHORT_TERM_DAYS = 90;

  @Id private UUID id;

  @Column(nullable = false)
  private int position;

  @Column(nullable = false, length = 4000)
  private String text;

  @Column(nullable = false, length = 200)
  private String area;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Priority priority;

  @Enumerated(EnumType.STRING)
  @Column(name = "resource_estimate", nullable = false, length = 10)
  private ResourceEstimate resourceEstimate;

  @Column(name = "responsible_unit", length = 200)
  private String responsibleUnit;

  @Enumerated(EnumType.STRING)
  @Column(length = 30)
  private Answer answer;

  @Column(length = 4000)
  private String reasons;

  @Column(length = 4000)
  private String action;

  @Column(length = 200)
  private String owner;

  private LocalDate deadline;

  @Column(name = "short_term_low_resource", nullable = false)
  private boolean shortTermLowResource;

  @Enumerated(EnumType.STRING)
  @Column(name = "follow_up_status", length = 20)
  private FollowUpStatus followUpStatus;

  @Column(name = "follow_up_notes", length = 4000)
  private String followUpNotes;

  @Column(name = "followed_up_by", length = 64)
  private String followedUpBy;

  @Column(name = "followed_up_at")
  private Instant followedUpAt;

  protected ReportRecommendation() {}

  public ReportRecommendation(
      int position,
      String text,
      String area,
      Priority priority,
      ResourceEstimate resourceEstimate) {
    this.id = UUID.randomUUID();
    this.position = position;
    this.text = text;
    this.area = area;
    this.priority = priority;
    this.resourceEstimate = resourceEstimate;
  }

  void assignTo(String unit) {
    this.responsibleUnit = unit;
  }

  void answer(Answer answer, String reasons, String action, String owner, LocalDate deadline) {
    this.answer = answer;
    this.reasons = reasons;
    this.action = answer.commits() ? action : null;
    this.owner = answer.commits() ? owner : null;
    this.deadline = answer.commits() ? deadline : null;
  }

  /** No answer in this plan (a non-urgent recommendation). */
  void unanswer() {
    this.answer = null;
    this.reasons = null;
    this.action = null;
    this.owner = null;
    this.deadline = null;
  }

  /**
   * The plan of action is submitted on {@code planDate}: an accepted recommendation is followed up
   * from now on.
   */
  void planned(LocalDate planDate) {
    boolean commits = answer != null && answer.commits();
    this.shortTermLowResource =
        commits
            && resourceEstimate == ResourceEstimate.LOW
            && !deadline.isAfter(planDate.plusDays(SHORT_TERM_DAYS));
    this.followUpStatus = commits ? FollowUpStatus.OPEN : null;
  }

  void followUp(
      FollowUpStatus status, LocalDate newDeadline, String notes, String actor, Instant at) {
    this.followUpStatus = status;
    this.followUpNotes = notes;
    this.followedUpBy = actor;
    this.followedUpAt = at;
    if (status == FollowUpStatus.IN_PROGRESS) {
      this.deadline = newDeadline;
    }
  }

  /** Accepted in whole or part: followed up until closed. */
  public boolean isFollowedUp() {
    return answer != null && answer.commits();
  }

  public UUID getId() {
    return id;
  }

  public int getPosition() {
    return position;
  }

  public String getText() {
    return text;
  }

  public String getArea() {
    return area;
  }

  public Priority getPriority() {
    return priority;
  }

  public ResourceEstimate getResourceEstimate() {
    return resourceEstimate;
  }

  public String getResponsibleUnit() {
    return responsibleUnit;
  }

  public Answer getAnswer() {
    return answer;
  }

  public String getReasons() {
    return reasons;
  }

  public String getAction() {
    return action;
  }

  public String getOwner() {
    return owner;
  }

  public LocalDate getDeadline() {
    return deadline;
  }

  public boolean isShortTermLowResource() {
    return shortTermLowResource;
  }

  public FollowUpStatus getFollowUpStatus() {
    return followUpStatus;
  }

  public String getFollowUpNotes() {
    return followUpNotes;
  }

  public String getFollowedUpBy() {
    return followedUpBy;
  }

  public Instant getFollowedUpAt() {
    return followedUpAt;
  }
}
