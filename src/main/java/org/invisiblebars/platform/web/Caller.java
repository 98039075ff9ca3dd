package org.invisiblebars.platform.web;

import java.util.Set;
import java.util.stream.Collectors;
import org.invisiblebars.platform.identity.Groups;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who calls our API: the user id and Camunda groups Spring Security authenticated. Which groups may
 * call a route is declared in the security configuration ({@code
 * platform/security/ApiAccessRules}); controllers ask a caller only what a view or a scope depends
 * on.
 */
public record Caller(String userId, Set<String> groups) {

  public static Caller of(Authentication authentication) {
    return new Caller(
        authentication.getName(),
        authentication.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .collect(Collectors.toSet()));
  }

  public boolean isStaff() {
    return groups.stream().anyMatch(Groups.STAFF::contains);
  }

  public boolean isNgo() {
    return groups.contains(Groups.NGO);
  }

  public boolean isIn(String group) {
    return groups.contains(group);
  }
}
