package org.invisiblebars.entry.domain;

import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

public interface RiskAssessmentRepository extends ListCrudRepository<RiskAssessment, UUID> {}
