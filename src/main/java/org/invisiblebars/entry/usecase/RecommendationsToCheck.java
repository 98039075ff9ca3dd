package org.invisiblebars.entry.usecase;

import java.util.Set;
import java.util.UUID;

/**
 * The recommendations a follow-up visit may name: the organisation's own, made in its reports on
 * the facility, once the authorities answered them. Answered by the report feature, which knows
 * recommendations; entry knows only their ids.
 */
public interface RecommendationsToCheck {

  Set<UUID> checkable(UUID organisationId, UUID facilityId);
}
