package org.invisiblebars.entry.domain;

/** What visitors may ask to bring in; electronic items raise the proposed risk. */
public enum Equipment {
  CAMERA(true),
  LAPTOP(true),
  AUDIO_RECORDER(true),
  MOBILE_PHONE(true),
  TABLET(true),
  MEDICAL_KIT(false),
  DOCUMENTS(false);

  private final boolean electronic;

  Equipment(boolean electronic) {
    this.electronic = electronic;
  }

  public boolean isElectronic() {
    return electronic;
  }
}
