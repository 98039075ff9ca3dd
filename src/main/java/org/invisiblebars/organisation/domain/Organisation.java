package org.invisiblebars.organisation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** An organisation that works with the prison administration. */
@Entity
@Table(name = "organisation")
public class Organisation {

  static final int KEY_LENGTH = 400;
  private static final Pattern WHITE_SPACE = Pattern.compile("[\\s\\p{Z}]+");

  @Id private UUID id;

  @Column(nullable = false, unique = true, length = 200)
  private String name;

  /** The name as it is compared: two organisations' names never differ only in case or spacing. */
  @Column(name = "name_key", nullable = false, unique = true, length = 440)
  private String nameKey;

  @Enumerated(EnumType.STRING)
  @Column(name = "mandate_type", nullable = false, length = 10)
  private MandateType mandateType;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  /** The NGO network the organisation belongs to, if any; new NGOs may be pointed to it. */
  @Column(name = "network_name", length = 200)
  private String networkName;

  /** Religious-based organisations commit in their MoU to serve prisoners of any or no religion. */
  @Column(name = "religious_based", nullable = false)
  private boolean religiousBased;

  protected Organisation() {}

  public Organisation(String name, MandateType mandateType, Instant createdAt) {
    this.id = UUID.randomUUID();
    this.name = name;
    this.nameKey = nameKey(name);
    this.mandateType = mandateType;
    this.createdAt = createdAt;
  }

  /**
   * How a name is compared: Unicode compatibility forms folded (NFKC, so full-width or ligature
   * letters equal plain ones), every run of white space one space, no space at either end, lower
   * case; names alike in their first {@value #KEY_LENGTH} characters so compared are the same.
   */
  public static String nameKey(String name) {
    String key =
        WHITE_SPACE
            .matcher(Normalizer.normalize(name, Normalizer.Form.NFKC))
            .replaceAll(" ")
            .strip()
            .toLowerCase(Locale.ROOT);
    if (key.length() <= KEY_LENGTH) {
      return key;
    }
    return key.substring(
        0, Character.isHighSurrogate(key.charAt(KEY_LENGTH - 1)) ? KEY_LENGTH - 1 : KEY_LENGTH);
  }

  public UUID getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public MandateType getMandateType() {
    return mandateType;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getNetworkName() {
    return networkName;
  }

  public boolean isReligiousBased() {
    return religiousBased;
  }

  public void joinNetwork(String networkName) {
    this.networkName = networkName;
  }

  public void declareReligiousBased(boolean religiousBased) {
    this.religiousBased = religiousBased;
  }
}
