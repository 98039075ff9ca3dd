package org.invisiblebars.platform.mail;

import java.util.Arrays;
import java.util.List;

/**
 * What to tell people: the kind of notification (which names its subject and text in the bundle
 * {@code mail/messages}: {@code <kind>.subject}, {@code <kind>.body}), the path of the page or task
 * it is about (made absolute with {@code invisible-bars.public-url}), and the values its texts show
 * ({@code {0}}, {@code {1}} … in the bundle). Values are names and references, never confidential
 * content: a mailbox is not the application.
 */
public record Notice(String kind, String path, List<String> values) {

  public static Notice of(String kind, String path, String... values) {
    return new Notice(kind, path, Arrays.asList(values));
  }
}
