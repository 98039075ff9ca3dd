package org.invisiblebars.organisation.usecase;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.organisation.domain.Organisation;
import org.invisiblebars.organisation.domain.OrganisationMember;
import org.invisiblebars.organisation.domain.OrganisationMemberRepository;
import org.invisiblebars.organisation.domain.OrganisationRepository;
import org.invisiblebars.platform.persistence.UniqueKey;
import org.invisiblebars.platform.validation.ConflictException;
import org.invisiblebars.platform.validation.InputRules;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.platform.validation.NotFoundException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers organisations and binds each NGO user (a Camunda user in group {@code ngo}) to exactly
 * one of them; that binding scopes everything the user sees through the NGO API.
 */
@Service
public class ManageOrganisations {

  private final OrganisationRepository organisations;
  private final OrganisationMemberRepository members;
  private final UserDirectory users;
  private final Clock clock;
  private final InputRules rules;

  ManageOrganisations(
      OrganisationRepository organisations,
      OrganisationMemberRepository members,
      UserDirectory users,
      Clock clock,
      InputRules rules) {
    this.organisations = organisations;
    this.members = members;
    this.users = users;
    this.clock = clock;
    this.rules = rules;
  }

  /** An organisation as an administrator registers it. */
  public record Registration(
      @NotBlank @Size(max = 200) String name,
      @NotNull(message = "is required: NPM, ICRC or NGO") MandateType mandateType,
      @Size(max = 200) String networkName,
      Boolean religiousBased) {}

  /**
   * Registers an organisation; every problem is reported at once; its name is unique, whatever its
   * case and spacing.
   */
  @Transactional
  public Organisation register(Registration registration) {
    String name = registration.name();
    MandateType mandateType = registration.mandateType();
    String networkName = registration.networkName();
    boolean taken =
        name != null
            && !name.isBlank()
            && organisations.findByNameKey(Organisation.nameKey(name)).isPresent();
    rules.check(
        registration,
        taken
            ? List.of(
                new FieldProblem(
                    "name",
                    "is already registered (names are compared without regard to case and spacing)"))
            : List.of());
    Organisation organisation = new Organisation(name.strip(), mandateType, clock.instant());
    if (networkName != null && !networkName.isBlank()) {
      organisation.joinNetwork(networkName.strip());
    }
    organisation.declareReligiousBased(Boolean.TRUE.equals(registration.religiousBased()));
    try {
      return organisations.saveAndFlush(organisation);
    } catch (DataIntegrityViolationException refused) {
      // registered at the same moment by another request: the same answer as when registered before
      throw UniqueKey.taken(refused)
          ? InvalidInputException.of("name", "is already registered")
          : refused;
    }
  }

  /**
   * Binds an NGO user to the organisation; a user represents one organisation only. The
   * organisation is locked, so binding the same user twice at once binds once; a binding to another
   * organisation at the same moment is refused by the user's key.
   */
  @Transactional
  public void bind(UUID organisationId, String userId) {
    organisations
        .findForUpdateById(organisationId)
        .orElseThrow(() -> new NotFoundException("organisation " + organisationId));
    if (!users.exists(userId)) {
      throw InvalidInputException.of("userId", "is not a user");
    }
    if (!users.isNgoRepresentative(userId)) {
      throw InvalidInputException.of("userId", "is not in group ngo");
    }
    var existing = members.findById(userId);
    if (existing.isPresent()) {
      if (!existing.get().getOrganisationId().equals(organisationId)) {
        throw new ConflictException(userId + " already represents another organisation");
      }
      return;
    }
    try {
      members.saveAndFlush(new OrganisationMember(userId, organisationId));
    } catch (DataIntegrityViolationException refused) {
      // bound to another organisation at the same moment: its binding holds the user's key
      throw UniqueKey.taken(refused)
          ? new ConflictException(userId + " already represents another organisation")
          : refused;
    }
  }

  /**
   * Binds user {@code userId}, which the caller has just created in group {@code ngo} within the
   * same engine command (an approved registration), to the organisation it registered: the user
   * store's queries do not see a user before the command ends, so {@link #bind}'s checks cannot be
   * made, and a new user represents no organisation yet. The user's key still refuses a second
   * binding.
   */
  @Transactional
  public void bindNewUser(UUID organisationId, String userId) {
    organisations
        .findForUpdateById(organisationId)
        .orElseThrow(() -> new NotFoundException("organisation " + organisationId));
    members.saveAndFlush(new OrganisationMember(userId, organisationId));
  }

  @Transactional(readOnly = true)
  public List<Organisation> all() {
    return organisations.findAll();
  }

  @Transactional(readOnly = true)
  public Organisation get(UUID id) {
    return organisations
        .findById(id)
        .orElseThrow(() -> new NotFoundException("organisation " + id));
  }
}
