package org.invisiblebars.organisation.adapter;

import org.camunda.bpm.engine.IdentityService;
import org.invisiblebars.organisation.usecase.UserDirectory;
import org.invisiblebars.platform.identity.Groups;
import org.springframework.stereotype.Component;

/** Looks users up in the Camunda identity service. */
@Component
class CamundaUserDirectory implements UserDirectory {

  private final IdentityService identityService;

  CamundaUserDirectory(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public boolean exists(String userId) {
    return userId != null && identityService.createUserQuery().userId(userId).count() == 1;
  }

  @Override
  public boolean isNgoRepresentative(String userId) {
    return identityService.createUserQuery().userId(userId).memberOfGroup(Groups.NGO).count() == 1;
  }
}
