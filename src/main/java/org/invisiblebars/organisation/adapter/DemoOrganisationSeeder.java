package org.invisiblebars.organisation.adapter;

import java.time.Clock;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.organisation.domain.Organisation;
import org.invisiblebars.organisation.domain.OrganisationMember;
import org.invisiblebars.organisation.domain.OrganisationMemberRepository;
import org.invisiblebars.organisation.domain.OrganisationRepository;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The demo NGO and its representative john, idempotently; only with the {@code demo} profile. */
@Component
@Profile("demo")
@Order(10)
class DemoOrganisationSeeder implements ApplicationRunner {

  static final String DEMO_NGO = "Prison Watch";
  static final String DEMO_REPRESENTATIVE = "john";

  private final OrganisationRepository organisations;
  private final OrganisationMemberRepository members;
  private final Clock clock;

  DemoOrganisationSeeder(
      OrganisationRepository organisations, OrganisationMemberRepository members) {
    this.organisations = organisations;
    this.members = members;
    this.clock = Clock.systemUTC();
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    Organisation ngo =
        organisations
            .findByName(DEMO_NGO)
            .orElseGet(
                () ->
                    organisations.save(
                        new Organisation(DEMO_NGO, MandateType.NGO, clock.instant())));
    if (!members.existsById(DEMO_REPRESENTATIVE)) {
      members.save(new OrganisationMember(DEMO_REPRESENTATIVE, ngo.getId()));
    }
  }
}
