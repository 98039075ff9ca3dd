package org.invisiblebars.meeting.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.invisiblebars.platform.persistence.LockingRepository;

public interface MeetingRepository extends LockingRepository<Meeting, UUID> {

  List<Meeting> findByOrganisationIdOrderByCalledAtDesc(UUID organisationId);

  List<Meeting> findAllByOrderByCalledAtDesc();

  /** The report review's own meeting of a report, if the review has called it. */
  Optional<Meeting> findByReportIdAndOfReviewTrue(UUID reportId);
}
