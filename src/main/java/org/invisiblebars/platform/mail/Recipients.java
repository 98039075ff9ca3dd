package org.invisiblebars.platform.mail;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.invisiblebars.platform.identity.UserPreferences;
import org.invisiblebars.platform.identity.UserPreferences.Preference;
import org.springframework.stereotype.Component;

/**
 * Who a notice reaches: a user, or every member of some groups (once, even when in several), each
 * with the e-mail address the Camunda user store holds; people without one are left out. Called by
 * the sender, outside any request, so a request that stores a notice never reads the user store.
 * Each person comes with what they chose ({@link UserPreferences}): language, digest, notices.
 */
@Component
public class Recipients {

  /** One person a message goes to. */
  public record Person(String userId, String address, Preference preference) {

    /** A person who chose nothing. */
    public Person(String userId, String address) {
      this(userId, address, Preference.DEFAULT);
    }
  }

  private final IdentityService identity;
  private final UserPreferences preferences;

  public Recipients(IdentityService identity, UserPreferences preferences) {
    this.identity = identity;
    this.preferences = preferences;
  }

  /** The people with an address among user {@code userId} (if any) and the members of groups. */
  public List<Person> of(String userId, Collection<String> groups) {
    Map<String, User> people = new LinkedHashMap<>();
    if (userId != null) {
      User user = identity.createUserQuery().userId(userId).singleResult();
      if (user != null) {
        people.put(user.getId(), user);
      }
    }
    for (String group : groups) {
      for (User member : identity.createUserQuery().memberOfGroup(group).list()) {
        people.putIfAbsent(member.getId(), member);
      }
    }
    Map<String, Preference> chosen = preferences.of(people.keySet());
    List<Person> found = new ArrayList<>();
    for (User person : people.values()) {
      if (person.getEmail() != null && !person.getEmail().isBlank()) {
        found.add(
            new Person(
                person.getId(),
                person.getEmail(),
                chosen.getOrDefault(person.getId(), Preference.DEFAULT)));
      }
    }
    return found;
  }
}
