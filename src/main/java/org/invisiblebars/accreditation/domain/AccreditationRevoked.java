package org.invisiblebars.accreditation.domain;

import java.util.UUID;

/**
 * Published when the director revokes an accreditation, so that other features can react (pending
 * visits are cancelled).
 */
public record AccreditationRevoked(
    UUID accreditationId, UUID organisationId, String reasons, String revokedBy) {}
