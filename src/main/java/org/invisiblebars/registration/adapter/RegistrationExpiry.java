package org.invisiblebars.registration.adapter;

import org.invisiblebars.registration.usecase.OrganisationRegistrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes, every {@code invisible-bars.registration.expiry-interval} (an hour), the registration
 * requests whose address was never proved within the link's validity: nothing stays forever, and
 * the address is free for a new request. A sweep rather than a timer: an unverified request has no
 * process yet (the review starts with the proof). Every node runs it; each request is locked while
 * it is closed, so two nodes close it once.
 */
@Component
class RegistrationExpiry {

  private static final Logger LOG = LoggerFactory.getLogger(RegistrationExpiry.class);

  private final OrganisationRegistrations registrations;

  RegistrationExpiry(OrganisationRegistrations registrations) {
    this.registrations = registrations;
  }

  @Scheduled(
      fixedDelayString = "${invisible-bars.registration.expiry-interval:PT1H}",
      initialDelayString = "PT1M")
  void scheduled() {
    try {
      int expired = registrations.expireUnverified();
      if (expired > 0) {
        LOG.info("{} registration request(s) never verified were closed", expired);
      }
    } catch (RuntimeException e) {
      LOG.warn("Unverified registration requests not closed; the next run retries", e);
    }
  }
}
