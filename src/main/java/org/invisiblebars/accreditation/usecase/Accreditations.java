package org.invisiblebars.accreditation.usecase;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.invisiblebars.accreditation.domain.Accreditation;
import org.invisiblebars.accreditation.domain.AccreditationRepository;
import org.invisiblebars.platform.validation.NotFoundException;
import org.springframework.stereotype.Component;

/** Loads accreditations for the use cases; a missing one is a 404, never a null. */
@Component
class Accreditations {

  private final AccreditationRepository repository;

  Accreditations(AccreditationRepository repository) {
    this.repository = repository;
  }

  /** Every accreditation, or those of one organisation. */
  List<Accreditation> all(Optional<UUID> organisation) {
    return organisation.map(repository::findByOrganisationId).orElseGet(repository::findAll);
  }

  /** The accreditation, if it is stored. */
  Optional<Accreditation> find(UUID id) {
    return repository.findById(id);
  }

  Accreditation get(UUID id) {
    return repository.findById(id).orElseThrow(() -> new NotFoundException("accreditation " + id));
  }

  /**
   * For a change: the accreditation locked until the transaction ends, so that a staff decision,
   * the NGO's answer or countersignature and a revocation on one accreditation are applied one
   * after the other, each checking the state the one before left.
   */
  Accreditation lock(UUID id) {
    return repository
        .findForUpdateById(id)
        .orElseThrow(() -> new NotFoundException("accreditation " + id));
  }

  Accreditation save(Accreditation accreditation) {
    return repository.save(accreditation);
  }
}
