package org.invisiblebars.report.usecase;

import java.util.Set;

/**
 * The names of people the system knows, which a public text must not contain: every organisation's
 * representatives and every user of the user directory (staff, NGO users).
 */
public interface KnownNames {

  Set<String> people();
}
