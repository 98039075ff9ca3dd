package org.invisiblebars.report.domain;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.Repository;

public interface OwnReferralRepository extends Repository<OwnReferral, UUID> {

  OwnReferral save(OwnReferral referral);

  List<OwnReferral> findByReportIdOrderByRecordedAt(UUID reportId);

  List<OwnReferral> findByReportIdInOrderByRecordedAt(Collection<UUID> reportIds);
}
