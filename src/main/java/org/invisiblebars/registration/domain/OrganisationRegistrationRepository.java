package org.invisiblebars.registration.domain;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Organisations' requests to register themselves. */
public interface OrganisationRegistrationRepository
    extends JpaRepository<OrganisationRegistration, UUID> {

  boolean existsByOpenEmailKey(String openEmailKey);

  boolean existsByUserId(String userId);

  Optional<OrganisationRegistration> findByVerificationHash(String verificationHash);

  Optional<OrganisationRegistration> findByActivationHash(String activationHash);

  /** The request of a verification link, locked: a link opened twice at once is used once. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select r from OrganisationRegistration r where r.verificationHash = :hash")
  Optional<OrganisationRegistration> lockByVerificationHash(@Param("hash") String hash);

  /** The request of an activation link, locked: a link opened twice at once is used once. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select r from OrganisationRegistration r where r.activationHash = :hash")
  Optional<OrganisationRegistration> lockByActivationHash(@Param("hash") String hash);

  Optional<OrganisationRegistration> findByReference(String reference);

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select r from OrganisationRegistration r where r.id = :id")
  Optional<OrganisationRegistration> findForUpdateById(@Param("id") UUID id);

  /** Requests never verified whose link expired before {@code now}. */
  @Query(
      "select r.id from OrganisationRegistration r where r.status ="
          + " org.invisiblebars.registration.domain.OrganisationRegistration.Status.AWAITING_VERIFICATION"
          + " and r.verificationExpiresAt <= :now")
  List<UUID> unverifiedBefore(@Param("now") Instant now);
}
