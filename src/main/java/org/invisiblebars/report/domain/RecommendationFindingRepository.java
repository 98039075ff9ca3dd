package org.invisiblebars.report.domain;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

public interface RecommendationFindingRepository
    extends ListCrudRepository<RecommendationFinding, UUID> {

  List<RecommendationFinding> findByVisitIdOrderByRecordedAt(UUID visitId);

  /** The findings on the recommendations, latest first. */
  List<RecommendationFinding> findByRecommendationIdInOrderByRecordedAtDesc(
      Collection<UUID> recommendationIds);

  boolean existsByVisitIdAndRecommendationId(UUID visitId, UUID recommendationId);
}
