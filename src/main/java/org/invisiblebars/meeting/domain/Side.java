package org.invisiblebars.meeting.domain;

/**
 * Which side of the table a participant sits on, and so who may record an action of theirs done.
 */
public enum Side {
  AUTHORITIES,
  ORGANISATION
}
