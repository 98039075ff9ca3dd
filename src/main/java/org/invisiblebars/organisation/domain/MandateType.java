package org.invisiblebars.organisation.domain;

/**
 * Why an organisation may enter: a formal mandate (NPM under OPCAT, ICRC under a special
 * agreement), whose visits can only be organised, never refused, or an NGO that needs accreditation
 * and an MoU.
 */
public enum MandateType {
  NPM,
  ICRC,
  NGO;

  public boolean isFormal() {
    return this != NGO;
  }
}
