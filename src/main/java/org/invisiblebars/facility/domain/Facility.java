package org.invisiblebars.facility.domain;

import static java.util.stream.Collectors.toSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.invisiblebars.platform.validation.InvalidInputException;

/**
 * A prison facility: how many accredited NGOs its liaison staff can sustain, how secure it is,
 * which areas are high-security, its current alert level, when visits are possible, the time zone
 * its days and hours are read in, and the areas a visit may ask for.
 */
@Entity
@Table(name = "facility")
public class Facility {

  @Id private UUID id;

  @Column(nullable = false, unique = true, length = 200)
  private String name;

  @Column(name = "liaison_capacity", nullable = false)
  private int liaisonCapacity;

  @Enumerated(EnumType.STRING)
  @Column(name = "security_level", nullable = false, length = 10)
  private SecurityLevel securityLevel = SecurityLevel.MEDIUM;

  @Enumerated(EnumType.STRING)
  @Column(name = "alert_level", nullable = false, length = 10)
  private AlertLevel alertLevel = AlertLevel.NORMAL;

  @Column(name = "alert_set_by", length = 64)
  private String alertSetBy;

  @Column(name = "alert_set_at")
  private Instant alertSetAt;

  @Column(name = "visiting_days", nullable = false, length = 100)
  private String visitingDays = "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY";

  @Column(name = "visiting_from", nullable = false)
  private LocalTime visitingFrom = LocalTime.of(9, 0);

  @Column(name = "visiting_until", nullable = false)
  private LocalTime visitingUntil = LocalTime.of(17, 0);

  // A handful of names, read wherever the facility is shown: loaded with it.
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(
      name = "facility_high_security_area",
      joinColumns = @JoinColumn(name = "facility_id"))
  @Column(name = "area")
  private Set<String> highSecurityAreas = new HashSet<>();

  @Column(name = "zone", nullable = false, length = 64)
  private String zone = ZoneOffset.UTC.getId();

  // The areas a visit may ask for, as the NGO portal offers them; loaded with the facility.
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "facility_area", joinColumns = @JoinColumn(name = "facility_id"))
  @Column(name = "area")
  private Set<String> areas = new HashSet<>();

  protected Facility() {}

  public Facility(String name, int liaisonCapacity) {
    this.id = UUID.randomUUID();
    this.name = name;
    this.liaisonCapacity = liaisonCapacity;
  }

  /** Sets how secure the facility is, its high-security areas and its visiting hours. */
  public void describe(
      SecurityLevel level,
      Collection<String> areas,
      Set<DayOfWeek> days,
      LocalTime from,
      LocalTime until) {
    if (!from.isBefore(until)) {
      throw InvalidInputException.of("visitingUntil", "must be after visitingFrom");
    }
    this.securityLevel = level;
    this.highSecurityAreas = new HashSet<>(areas);
    this.visitingDays =
        days.stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(","));
    this.visitingFrom = from;
    this.visitingUntil = until;
  }

  /** The time zone the facility's days and hours, and its visits' windows, are read in. */
  public void placeIn(ZoneId zone) {
    this.zone = zone.getId();
  }

  /** The areas a visit may ask for (the high-security ones among them stay unmarked to NGOs). */
  public void offerAreas(Collection<String> areas) {
    this.areas = new HashSet<>(areas);
  }

  public void raiseAlert(AlertLevel level, String by, Instant at) {
    this.alertLevel = level;
    this.alertSetBy = by;
    this.alertSetAt = at;
  }

  public UUID getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public int getLiaisonCapacity() {
    return liaisonCapacity;
  }

  public SecurityLevel getSecurityLevel() {
    return securityLevel;
  }

  public AlertLevel getAlertLevel() {
    return alertLevel;
  }

  public String getAlertSetBy() {
    return alertSetBy;
  }

  public Instant getAlertSetAt() {
    return alertSetAt;
  }

  public Set<String> getHighSecurityAreas() {
    return Set.copyOf(highSecurityAreas);
  }

  public ZoneId getZone() {
    return ZoneId.of(zone);
  }

  /** The areas a visit may ask for, sorted by name. */
  public List<String> getAreas() {
    return areas.stream().sorted().toList();
  }

  /**
   * The areas an organisation is offered: every one to a formal monitor, whose access is a right;
   * to an NGO those that are not high-security areas, which NGOs never see (the scope check refuses
   * them anyway).
   */
  public List<String> areasOffered(boolean formalMandate) {
    if (formalMandate) {
      return getAreas();
    }
    Set<String> hidden =
        highSecurityAreas.stream().map(a -> a.strip().toLowerCase(Locale.ROOT)).collect(toSet());
    return getAreas().stream()
        .filter(a -> !hidden.contains(a.strip().toLowerCase(Locale.ROOT)))
        .toList();
  }

  public LocalTime getVisitingFrom() {
    return visitingFrom;
  }

  public LocalTime getVisitingUntil() {
    return visitingUntil;
  }

  public Set<DayOfWeek> getVisitingDays() {
    return Arrays.stream(visitingDays.split(","))
        .map(DayOfWeek::valueOf)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)));
  }
}
