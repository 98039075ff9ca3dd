package org.invisiblebars.entry.usecase;

import org.invisiblebars.entry.domain.RiskAssessment.RiskInputs;
import org.invisiblebars.entry.domain.RiskLevel;
import org.invisiblebars.entry.domain.SearchLevel;
import org.invisiblebars.organisation.domain.MandateType;

/** The two DMN decisions of entry authorisation, which process owners maintain. */
public interface VisitDecisions {

  RiskProposal proposeRisk(MandateType mandateType, RiskInputs inputs);

  SearchProtocol searchProtocol(RiskLevel risk, MandateType mandateType);

  record RiskProposal(RiskLevel risk, String rationale) {}

  record SearchProtocol(
      SearchLevel level, boolean directorAuthorisationRequired, String rationale) {}
}
