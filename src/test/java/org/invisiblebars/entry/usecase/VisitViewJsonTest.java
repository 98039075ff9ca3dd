package org.invisiblebars.entry.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.invisiblebars.entry.domain.EntryOutcome;
import org.invisiblebars.entry.domain.Equipment;
import org.invisiblebars.entry.domain.SearchLevel;
import org.invisiblebars.entry.domain.Visit;
import org.invisiblebars.entry.domain.Visit.VisitRequest;
import org.invisiblebars.entry.usecase.VisitQueries.RepresentativeView;
import org.invisiblebars.entry.usecase.VisitQueries.VisitView;
import org.invisiblebars.facility.domain.Facility;
import org.invisiblebars.organisation.domain.MandateType;
import org.junit.jupiter.api.Test;

/**
 * The visit as the API answers it: one flat object with the fields it always had, whatever parts
 * build it.
 */
class VisitViewJsonTest {

  private static final Instant NOW = Instant.parse("2030-12-10T08:00:00Z");
  private static final JsonMapper JSON =
      JsonMapper.builder()
          .findAndAddModules()
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  @Test
  void theApiAnswersTheVisitAsOneFlatObjectWithTheSameFields() {
    UUID alice = UUID.randomUUID();
    Visit visit =
        new Visit(
            UUID.randomUUID(),
            MandateType.NGO,
            true,
            new VisitRequest(
                UUID.randomUUID(),
                List.of(alice),
                NOW.plus(1, ChronoUnit.HOURS),
                NOW.plus(4, ChronoUnit.HOURS),
                "Monitoring visit",
                List.of("Wing A"),
                List.of(Equipment.CAMERA)),
            "john",
            NOW,
            null);
    visit.acceptForReview();
    visit.authorise(SearchLevel.PAT_DOWN, "Escorted");
    visit.schedule("Officer Grey", "Main gate");
    visit.issueNotice(NOW);
    visit.acknowledgeNotice(alice, "john", NOW);
    visit.recordGate(alice, EntryOutcome.ENTERED, SearchLevel.PAT_DOWN, null, false, "sam", NOW);
    visit.checkOut("Argued with a guard", "sam", NOW.plus(3, ChronoUnit.HOURS));

    Facility paris = new Facility("Central Prison", 2);
    paris.placeIn(ZoneId.of("Europe/Paris"));
    JsonNode staff =
        JSON.valueToTree(
            new VisitView(
                visit.getId(),
                "VIS-2026-0001",
                VisitView.Request.of(visit, "Open Doors", paris),
                VisitView.Progress.of(visit, null, true),
                List.of(new RepresentativeView(alice, "Alice", NOW, "ENTERED")),
                null));

    assertThat(staff.properties())
        .extracting(Map.Entry::getKey)
        .containsExactlyInAnyOrder(
            "id",
            "reference",
            "organisationId",
            "organisationName",
            "facilityId",
            "facilityName",
            "mandateType",
            "announced",
            "windowStart",
            "windowEnd",
            "facilityZone",
            "localWindowStart",
            "localWindowEnd",
            "activity",
            "areas",
            "equipment",
            "status",
            "awaiting",
            "rejectionReasons",
            "denialReasons",
            "authorisedSearchLevel",
            "conditions",
            "escort",
            "meetingPoint",
            "noticeIssuedAt",
            "admittedByRightAt",
            "representatives",
            "requestedAt",
            "recommendationIds",
            "checkedOutAt",
            "cancellationReasons",
            "incident",
            "riskAssessment");
    assertThat(staff.get("organisationName").asText()).isEqualTo("Open Doors");
    assertThat(staff.get("windowStart").asText()).isEqualTo("2030-12-10T09:00:00Z");
    assertThat(staff.get("facilityZone").asText()).isEqualTo("Europe/Paris");
    assertThat(staff.get("localWindowStart").asText()).isEqualTo("2030-12-10T10:00:00");
    assertThat(staff.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(staff.get("authorisedSearchLevel").asText()).isEqualTo("PAT_DOWN");
    assertThat(staff.get("incident").asText()).isEqualTo("Argued with a guard");
    assertThat(staff.get("equipment").get(0).asText()).isEqualTo("CAMERA");
    assertThat(VisitView.Progress.of(visit, null, false).incident())
        .as("an organisation does not read the incident")
        .isNull();
  }
}
