package org.invisiblebars.entry.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.support.AccreditedOrganisations.Accredited;
import org.invisiblebars.support.ApiTest;
import org.invisiblebars.support.Race;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A visit requested in the facility's local time, through HTTP: a facility in Europe/Paris, a
 * window given without an offset and one given as instants; a time the clocks skip or pass twice is
 * refused naming the field. The MoU's hours are read in the facility's zone.
 */
class VisitLocalTimeIT extends ApiTest {

  private static final String RUN = Long.toString(System.nanoTime(), 36);
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @Test
  void visitWindowInTheFacilitysLocalTimeOrAsInstants() {
    ResponseEntity<String> unknownZone =
        post("admin", "/api/v1/facilities", facility("Atlantis/Nowhere"), null);
    assertThat(unknownZone.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(engine.read(unknownZone.getBody()).at("/errors/0/field").asText()).isEqualTo("zone");
    ResponseEntity<String> registered =
        post("admin", "/api/v1/facilities", facility("Europe/Paris"), null);
    assertThat(registered.getStatusCode()).as(registered.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode paris = engine.read(registered.getBody());
    assertThat(paris.get("zone").asText()).isEqualTo("Europe/Paris");
    String facilityId = paris.get("id").asText();
    JsonNode seen =
        engine.read(user("lena").getForObject("/api/v1/facilities/" + facilityId, String.class));
    assertThat(seen.get("areas"))
        .extracting(JsonNode::asText)
        .containsExactly("Kitchen", "Library");

    Accredited ngo = fixture.accredited(MandateType.NGO);
    LocalDate day = LocalDate.now(PARIS).plusDays(5);
    while (day.getDayOfWeek() != DayOfWeek.TUESDAY) {
      day = day.plusDays(1);
    }
    // 09:30 in Paris is 08:30 or 07:30 UTC: outside the MoU's 09:00–17:00 if it were read in UTC
    LocalDateTime start = day.atTime(9, 30);
    ResponseEntity<String> local =
        post(
            ngo.user(),
            "/api/v1/visits",
            visit(ngo, facilityId, start.toString(), start.plusHours(3).toString()),
            null);
    assertThat(local.getStatusCode()).as(local.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode visit = engine.read(local.getBody());
    assertThat(visit.get("windowStart").asText())
        .isEqualTo(start.atZone(PARIS).toInstant().toString());
    assertThat(visit.get("facilityZone").asText()).isEqualTo("Europe/Paris");
    assertThat(LocalDateTime.parse(visit.get("localWindowStart").asText())).isEqualTo(start);
    assertThat(LocalDateTime.parse(visit.get("localWindowEnd").asText()))
        .isEqualTo(start.plusHours(3));
    assertThat(visit.get("status").asText()).as(local.getBody()).isEqualTo("UNDER_REVIEW");

    // two clients of the organisation send the same request in local time at once: one visit
    Map<String, Object> twice =
        visit(
            ngo,
            facilityId,
            start.plusDays(1).toString(),
            start.plusDays(1).plusHours(2).toString());
    List<ResponseEntity<String>> both =
        Race.times(2, i -> post(ngo.user(), "/api/v1/visits", twice, "local-" + RUN));
    assertThat(both).extracting(ResponseEntity::getStatusCode).containsOnly(HttpStatus.CREATED);
    assertThat(both.stream().map(a -> engine.read(a.getBody()).get("id").asText()).distinct())
        .hasSize(1);

    String startInstant = start.plusDays(2).atZone(PARIS).toInstant().toString();
    String endWithOffset =
        start.plusDays(2).plusHours(2).atZone(PARIS).toOffsetDateTime().toString();
    ResponseEntity<String> instants =
        post(
            ngo.user(),
            "/api/v1/visits",
            visit(ngo, facilityId, startInstant, endWithOffset),
            null);
    assertThat(instants.getStatusCode()).as(instants.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(
            LocalDateTime.parse(engine.read(instants.getBody()).get("localWindowStart").asText()))
        .isEqualTo(start.plusDays(2));
  }

  @Test
  void localTimeInADaylightSavingGapOrOverlapIsRefusedNamingTheField() {
    String facilityId =
        engine
            .read(post("admin", "/api/v1/facilities", facility("Europe/Paris"), null).getBody())
            .get("id")
            .asText();
    Accredited ngo = fixture.accredited(MandateType.NGO);
    LocalDate today = LocalDate.now(PARIS);
    LocalDate spring = lastSunday(today, 3);
    LocalDate autumn = lastSunday(today, 10);

    ResponseEntity<String> gap =
        post(
            ngo.user(),
            "/api/v1/visits",
            visit(ngo, facilityId, spring + "T02:30", spring + "T04:00"),
            null);
    assertThat(gap.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode gapProblem = engine.read(gap.getBody()).at("/errors/0");
    assertThat(gapProblem.get("field").asText()).isEqualTo("windowStart");
    assertThat(gapProblem.get("problem").asText())
        .startsWith("does not exist in Europe/Paris: the clocks go forward from 02:00 to 03:00");

    ResponseEntity<String> overlap =
        post(
            ngo.user(),
            "/api/v1/visits",
            visit(ngo, facilityId, autumn + "T01:00", autumn + "T02:30"),
            null);
    assertThat(overlap.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode overlapProblem = engine.read(overlap.getBody()).at("/errors/0");
    assertThat(overlapProblem.get("field").asText()).isEqualTo("windowEnd");
    assertThat(overlapProblem.get("problem").asText()).startsWith("happens twice in Europe/Paris");

    ResponseEntity<String> words =
        post(
            ngo.user(),
            "/api/v1/visits",
            visit(ngo, facilityId, "next Tuesday at 9", spring + "T10:00"),
            null);
    assertThat(words.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(engine.read(words.getBody()).at("/errors/0/field").asText())
        .isEqualTo("windowStart");
    assertThat(engine.read(words.getBody()).at("/errors/0/problem").asText())
        .contains("2027-03-01T10:00");
    assertThat(engine.read(user(ngo.user()).getForObject("/api/v1/visits", String.class)))
        .as("nothing saved")
        .isEmpty();
  }

  /** The last Sunday of {@code month} after {@code today}, when the clocks change in Europe. */
  private static LocalDate lastSunday(LocalDate today, int month) {
    LocalDate day = today.withMonth(month).with(TemporalAdjusters.lastInMonth(DayOfWeek.SUNDAY));
    return day.isAfter(today)
        ? day
        : today.plusYears(1).withMonth(month).with(TemporalAdjusters.lastInMonth(DayOfWeek.SUNDAY));
  }

  private static Map<String, Object> facility(String zone) {
    return facilityBody(
        "Maison d'arrêt " + RUN + " " + System.nanoTime(), zone, List.of("Library", "Kitchen"));
  }

  private static Map<String, Object> visit(
      Accredited ngo, String facilityId, String start, String end) {
    Map<String, Object> body = new HashMap<>();
    body.put("facilityId", facilityId);
    body.put("representativeIds", ngo.people());
    body.put("windowStart", start);
    body.put("windowEnd", end);
    body.put("activity", "Monitoring visit");
    body.put("areas", List.of("Library"));
    body.put("equipment", List.of());
    return body;
  }
}
