package org.invisiblebars.platform.persistence;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.NoRepositoryBean;

/**
 * A repository of aggregates that requests change concurrently (an organisation's submissions, a
 * visit, an accreditation, a report, a facility). A use case that changes one reads it with {@link
 * #findForUpdateById}: the database locks the row ({@code SELECT … FOR UPDATE}, on H2 as on
 * PostgreSQL) until the transaction ends, so two requests on one aggregate run one after the other
 * and the second decides on what the first committed: it replays the first answer or is refused
 * with 409, instead of both passing their checks and writing twice. The lock is taken first in the
 * transaction, before anything else of the aggregate is read.
 */
@NoRepositoryBean
public interface LockingRepository<T, ID> extends ListCrudRepository<T, ID> {

  /**
   * The aggregate, locked until the end of the transaction; for changes only (read-only
   * transactions cannot lock).
   */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  Optional<T> findForUpdateById(ID id);
}
