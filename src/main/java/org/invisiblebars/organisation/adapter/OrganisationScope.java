package org.invisiblebars.organisation.adapter;

import java.util.Optional;
import java.util.UUID;
import org.invisiblebars.organisation.usecase.Membership;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.invisiblebars.platform.web.Caller;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * How the NGO API scopes a caller: an NGO user acts for the one organisation it is bound to and
 * sees only its records (anything else is "not found"); staff see every organisation's. Shared by
 * the accreditation, visit and report controllers, with the idempotency key they all accept.
 */
@Component
public class OrganisationScope {

  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final Membership membership;

  OrganisationScope(Membership membership) {
    this.membership = membership;
  }

  /** The organisation an NGO user acts for; anyone else is refused (403). */
  public UUID ownOrganisation(Caller caller) {
    if (!caller.isNgo()) {
      throw new AccessDeniedException(caller.userId() + " does not represent an organisation");
    }
    return membership
        .organisationOf(caller.userId())
        .orElseThrow(
            () -> new AccessDeniedException(caller.userId() + " is bound to no organisation"));
  }

  /** Empty (every organisation) for staff; the caller's own organisation for an NGO user. */
  public Optional<UUID> of(Caller caller) {
    return caller.isStaff() ? Optional.empty() : Optional.of(ownOrganisation(caller));
  }

  /**
   * Empty for members of {@code staffGroups} only; other staff are refused like any non-NGO caller.
   */
  public Optional<UUID> of(Caller caller, String... staffGroups) {
    for (String group : staffGroups) {
      if (caller.isIn(group)) {
        return Optional.empty();
      }
    }
    return Optional.of(ownOrganisation(caller));
  }

  /** An idempotency key, when given, is 1 to 100 characters (the column's width). */
  public static void checkIdempotencyKey(String idempotencyKey) {
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
      throw InvalidInputException.of(IDEMPOTENCY_KEY, "must be 1 to 100 characters");
    }
  }
}
