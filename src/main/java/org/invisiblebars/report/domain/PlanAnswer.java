package org.invisiblebars.report.domain;

import java.time.LocalDate;

/** The answer to one recommendation as the director gives it in the plan of action. */
public record PlanAnswer(
    Answer answer, String reasons, String action, String owner, LocalDate deadline) {}
