package org.invisiblebars.platform.reference;

import jakarta.persistence.PrePersist;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The JPA entity listener of every {@link ReferencedCase}: gives the case its reference as it is
 * first stored, in the transaction that stores it, so a case never exists without one whichever
 * code stores it. Hibernate creates it through Spring; the allocator is looked up when first used,
 * since the entity manager is built before the beans the allocator needs.
 */
@Component
public class CaseReferenceAssignment {

  private final ObjectProvider<CaseReferences> references;

  CaseReferenceAssignment(ObjectProvider<CaseReferences> references) {
    this.references = references;
  }

  @PrePersist
  void assign(Object entity) {
    if (entity instanceof ReferencedCase referenced && referenced.getReference() == null) {
      referenced.assignReference(
          references.getObject().next(referenced.referencePrefix(), referenced.createdAt()));
    }
  }
}
