package org.invisiblebars.platform.validation;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.Temporal;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A date and time as a person enters it: either local to a place ({@code 2026-12-03T09:00}, read in
 * the zone of the facility it concerns) or an instant ({@code 2026-12-03T08:00:00Z}, or with an
 * offset). People think in the facility's hours; programs often hold instants; one field takes
 * both. A local time the clocks skip (a daylight-saving gap) or pass twice (an overlap) names no
 * single instant: {@link #problemIn} says so, and which offsets would.
 */
@Schema(
    type = "string",
    description =
        "A date and time in ISO 8601: without an offset it is local to the facility"
            + " (e.g. 2027-03-01T10:00), with Z or an offset it is an instant"
            + " (e.g. 2027-03-01T09:00:00Z or 2027-03-01T10:00+01:00). A local time that does not"
            + " exist or happens twice in the facility's zone (a daylight-saving change) is refused;"
            + " give it with its offset.",
    example = "2027-03-01T10:00")
@JsonDeserialize(using = DateTimeInput.Reader.class)
public final class DateTimeInput {

  /** What a value must look like, in the words of an error message. */
  public static final String EXPECTED =
      "must be a date and time in ISO 8601: local to the facility, e.g. 2027-03-01T10:00, or an"
          + " instant, e.g. 2027-03-01T09:00:00Z";

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

  private final Instant instant;
  private final LocalDateTime local;

  private DateTimeInput(Instant instant, LocalDateTime local) {
    this.instant = instant;
    this.local = local;
  }

  public static DateTimeInput of(Instant instant) {
    return new DateTimeInput(instant, null);
  }

  public static DateTimeInput of(LocalDateTime local) {
    return new DateTimeInput(null, local);
  }

  /**
   * An instant when {@code text} carries Z or an offset, a local date and time when it has none;
   * {@link IllegalArgumentException} when it is neither.
   */
  public static DateTimeInput parse(String text) {
    try {
      // Instant's own form first: it reaches further than a date and time with an offset
      return of(Instant.parse(text));
    } catch (DateTimeParseException notInUtc) {
      // with an offset, or local
    }
    try {
      return of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException notAnInstant) {
      try {
        return of(LocalDateTime.parse(text));
      } catch (DateTimeParseException neither) {
        throw new IllegalArgumentException(EXPECTED, neither);
      }
    }
  }

  public boolean isLocal() {
    return local != null;
  }

  /**
   * Why this names no single instant in {@code zone}: the local time falls in a gap or an overlap
   * of the zone's clocks. Empty for an instant and for an ordinary local time.
   */
  public Optional<String> problemIn(ZoneId zone) {
    if (local == null) {
      return Optional.empty();
    }
    ZoneRules rules = zone.getRules();
    List<ZoneOffset> offsets = rules.getValidOffsets(local);
    if (offsets.size() == 1) {
      return Optional.empty();
    }
    ZoneOffsetTransition change = rules.getTransition(local);
    if (offsets.isEmpty()) {
      return Optional.of(
          "does not exist in "
              + zone.getId()
              + ": the clocks go forward from "
              + TIME.format(change.getDateTimeBefore())
              + " to "
              + TIME.format(change.getDateTimeAfter())
              + " that day; give another time");
    }
    return Optional.of(
        "happens twice in "
            + zone.getId()
            + ": the clocks go back from "
            + TIME.format(change.getDateTimeBefore())
            + " to "
            + TIME.format(change.getDateTimeAfter())
            + " that day; give it with its offset, "
            + local
            + change.getOffsetBefore()
            + " (the first) or "
            + local
            + change.getOffsetAfter()
            + " (the second)");
  }

  /** The instant this names in {@code zone}; ask {@link #problemIn} first for a local time. */
  public Instant in(ZoneId zone) {
    if (instant != null) {
      return instant;
    }
    if (problemIn(zone).isPresent()) {
      throw new DateTimeException(local + " " + problemIn(zone).get());
    }
    return local.atZone(zone).toInstant();
  }

  /** The instant, or the local date and time, for a check of how far ahead it lies. */
  Temporal temporal() {
    return local != null ? local : instant;
  }

  @JsonValue
  @Override
  public String toString() {
    return local != null ? local.toString() : instant.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DateTimeInput that && toString().equals(that.toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }

  /**
   * Reads a JSON string; anything else, or a string of another shape, is refused as the wrong
   * format of this type, so that the answer names the field and the two accepted forms.
   */
  static final class Reader extends JsonDeserializer<DateTimeInput> {

    @Override
    public DateTimeInput deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      if (parser.currentToken() != JsonToken.VALUE_STRING) {
        return (DateTimeInput) context.handleUnexpectedToken(DateTimeInput.class, parser);
      }
      String text = parser.getText();
      try {
        return parse(text);
      } catch (IllegalArgumentException refused) {
        throw context.weirdStringException(text, DateTimeInput.class, EXPECTED);
      }
    }
  }
}
