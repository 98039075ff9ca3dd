package org.invisiblebars.report.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

public interface AnswerCommentRepository extends ListCrudRepository<AnswerComment, UUID> {

  List<AnswerComment> findByReportIdOrderByCommentedAt(UUID reportId);
}
