package org.invisiblebars.accreditation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.invisiblebars.platform.validation.ConflictException;

/**
 * The NGO's proposal to change one clause of a version of its MoU, with its reason, and the liaison
 * officer's answer: accepted (the clause becomes the NGO's text), rejected, or answered with a
 * counter-proposal (the clause becomes the officer's text); both of the latter with reasons.
 */
@Entity
@Table(name = "mou_amendment")
public class MouAmendment {

  /** The liaison officer's answers. */
  public enum Answer {
    ACCEPTED,
    REJECTED,
    COUNTER_PROPOSED
  }

  @Id private UUID id;

  @Column(name = "mou_id", nullable = false)
  private UUID mouId;

  @Column(name = "against_version", nullable = false)
  private int againstVersion;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 40)
  private MouClause clause;

  @Column(name = "proposed_text", nullable = false, length = 4000)
  private String proposedText;

  @Column(nullable = false, length = 4000)
  private String reason;

  @Column(name = "proposed_by", nullable = false, length = 64)
  private String proposedBy;

  @Column(name = "proposed_at", nullable = false)
  private Instant proposedAt;

  @Enumerated(EnumType.STRING)
  @Column(length = 20)
  private Answer answer;

  @Column(name = "answer_text", length = 4000)
  private String answerText;

  @Column(name = "answer_reasons", length = 4000)
  private String answerReasons;

  @Column(name = "answered_by", length = 64)
  private String answeredBy;

  @Column(name = "answered_at")
  private Instant answeredAt;

  protected MouAmendment() {}

  public MouAmendment(
      Mou mou, MouClause clause, String proposedText, String reason, String by, Instant at) {
    this.id = UUID.randomUUID();
    this.mouId = mou.getId();
    this.againstVersion = mou.getVersion();
    this.clause = clause;
    this.proposedText = proposedText;
    this.reason = reason;
    this.proposedBy = by;
    this.proposedAt = at;
  }

  /** The officer's answer; an amendment is answered once. */
  public void answer(Answer answer, String text, String reasons, String by, Instant at) {
    if (this.answer != null) {
      throw new ConflictException(
          "the amendment to clause "
              + clause.number()
              + " is already answered ("
              + this.answer
              + ")");
    }
    this.answer = answer;
    this.answerText = answer == Answer.COUNTER_PROPOSED ? text : null;
    this.answerReasons = reasons;
    this.answeredBy = by;
    this.answeredAt = at;
  }

  /** The text the clause has once this answer is applied; null when it stays as it was. */
  public String resultingText() {
    return switch (answer) {
      case ACCEPTED -> proposedText;
      case COUNTER_PROPOSED -> answerText;
      case REJECTED -> null;
    };
  }

  public UUID getId() {
    return id;
  }

  public UUID getMouId() {
    return mouId;
  }

  public int getAgainstVersion() {
    return againstVersion;
  }

  public MouClause getClause() {
    return clause;
  }

  public String getProposedText() {
    return proposedText;
  }

  public String getReason() {
    return reason;
  }

  public String getProposedBy() {
    return proposedBy;
  }

  public Instant getProposedAt() {
    return proposedAt;
  }

  public Answer getAnswer() {
    return answer;
  }

  public String getAnswerText() {
    return answerText;
  }

  public String getAnswerReasons() {
    return answerReasons;
  }

  public String getAnsweredBy() {
    return answeredBy;
  }

  public Instant getAnsweredAt() {
    return answeredAt;
  }
}
