package org.invisiblebars.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.invisiblebars.accreditation.domain.Accreditation;
import org.invisiblebars.accreditation.domain.AccreditationRepository;
import org.invisiblebars.accreditation.domain.AccreditationStatus;
import org.invisiblebars.accreditation.domain.Application;
import org.invisiblebars.accreditation.domain.ProgrammeType;
import org.invisiblebars.facility.domain.Facility;
import org.invisiblebars.facility.domain.FacilityRepository;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.organisation.domain.Representative;
import org.invisiblebars.organisation.domain.RepresentativeRepository;
import org.invisiblebars.support.IntegrationTest;
import org.invisiblebars.support.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriUtils;

/**
 * Abuse and bad input on every endpoint of our API and the {@code /sla} and {@code /portal} pages,
 * as a table: {@code bad-input-cases.txt} beside this class lists endpoint × case → status and the
 * fields the answer names; this class defines each endpoint's valid request, which every case bends
 * in one way. Every refusal must be RFC 9457 problem details without an exception's class or text,
 * and must leave our tables (row by row), the engine's process instances and its users as they
 * were. A route of our API without a row fails {@link #everyRouteOfOurApiHasRowsInTheTable()}.
 */
class BadInputIT extends IntegrationTest {

  /** The documented limit of a JSON body (docs/security.md, "Bad input"). */
  static final int BODY_LIMIT = 2 * 1024 * 1024;

  private static final String RUN = Long.toString(System.nanoTime(), 36);
  private static final String PASSWORD = "Ab7#Qz4$Lp2!wX";
  private static final String OWN = "the organisation's user";
  private static final String ANONYMOUS = "anonymous";
  private static final AtomicInteger SERIAL = new AtomicInteger();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper ESCAPING_JSON =
      new ObjectMapper().enable(JsonGenerator.Feature.ESCAPE_NON_ASCII);

  /** Our tables: their content, row by row, must not change when a request is refused. */
  private static final List<String> OUR_TABLES =
      List.of(
          "organisation",
          "organisation_member",
          "representative",
          "facility",
          "facility_high_security_area",
          "accreditation",
          "accreditation_facility",
          "accreditation_representative",
          "accreditation_rating",
          "mou",
          "mou_representative",
          "mou_version",
          "mou_version_clause",
          "mou_amendment",
          "decision_log",
          "visit",
          "visit_area",
          "visit_equipment",
          "visit_representative",
          "visit_risk_assessment",
          "security_briefing",
          "report",
          "report_recommendation",
          "organisation_registration");

  /** The engine's: a refused request starts no process and creates no user or membership. */
  private static final List<String> ENGINE_TABLES =
      List.of("act_hi_procinst", "act_id_user", "act_id_membership");

  /**
   * What a path variable names; the records of organisations are the ones another organisation must
   * not reach.
   */
  enum Kind {
    ORGANISATION,
    ACCREDITATION,
    VISIT,
    REPORT,
    REPRESENTATIVE,
    FACILITY,
    USER,
    MEETING,
    /** A recommendation's position in its report: a number, not an id. */
    POSITION,
    /** An instance migration a process owner started: none exists, so any id is unknown. */
    MIGRATION,
    /** A process owner's model change: none exists here, so any id is unknown. */
    MODEL_CHANGE,
    /** A supporting document: none is uploaded here, so any id is unknown. */
    DOCUMENT,
    /** A question page of the portal's application: a name, not an id. */
    STEP,
    /**
     * The accreditation in the path of a portal page's form: a request without the form's CSRF
     * token (any script's) is refused before its path is read, so the id cases do not apply.
     */
    ACCREDITATION_OF_A_PAGE_FORM,
    /** The report in the path of a portal page's form, likewise. */
    REPORT_OF_A_PAGE_FORM;

    boolean ownedByAnOrganisation() {
      return this != FACILITY
          && this != USER
          && this != POSITION
          && this != MIGRATION
          && this != MODEL_CHANGE
          && this != DOCUMENT
          && this != STEP;
    }
  }

  /**
   * An endpoint, who calls it, its valid body (null: none), its path variables and the
   * representation asked for.
   */
  record Endpoint(
      String method,
      String route,
      String user,
      String body,
      Map<String, Kind> variables,
      String accept) {
    String key() {
      return method + " " + route;
    }

    Endpoint accepting(String mediaType) {
      return new Endpoint(method, route, user, body, variables, mediaType);
    }

    boolean actsForAnOrganisation() {
      return user.equals(OWN) || user.equals(ANONYMOUS);
    }
  }

  private static final List<Endpoint> ENDPOINTS =
      List.of(
          endpoint(
              "POST /api/v1/organisations",
              "lena",
              """
          {"name": "Abuse Registration ${run} ${n}", "mandateType": "NGO", "networkName": "Monitoring Network",
           "religiousBased": false}"""),
          endpoint(
              "PUT /api/v1/organisations/{id}/members/{userId}",
              "lena",
              null,
              "id",
              Kind.ORGANISATION,
              "userId",
              Kind.USER),
          endpoint("GET /api/v1/organisations", OWN, null),
          endpoint("GET /api/v1/organisations/{id}", OWN, null, "id", Kind.ORGANISATION),
          endpoint(
              "GET /api/v1/organisations/{id}/representatives", OWN, null, "id", Kind.ORGANISATION),
          endpoint(
              "POST /api/v1/organisations/{id}/representatives",
              OWN,
              """
          {"fullName": "Abuse Person ${run} ${n}", "role": "Monitor"}""",
              "id",
              Kind.ORGANISATION),
          endpoint("GET /api/v1/facilities", OWN, null),
          endpoint("GET /api/v1/facilities/{id}", OWN, null, "id", Kind.FACILITY),
          endpoint(
              "POST /api/v1/facilities",
              "admin",
              """
          {"name": "Abuse Facility ${run} ${n}", "liaisonCapacity": 3, "securityLevel": "MEDIUM",
           "highSecurityAreas": ["Block A"], "visitingDays": ["MONDAY", "WEDNESDAY"], "visitingFrom": "09:00",
           "visitingUntil": "16:00"}"""),
          endpoint(
              "PUT /api/v1/facilities/{id}/alert-level",
              "sam",
              """
          {"alertLevel": "NORMAL", "reasons": "Routine check"}""",
              "id",
              Kind.FACILITY),
          endpoint(
              "PUT /api/v1/facilities/{id}/visiting",
              "admin",
              """
          {"zone": "Europe/Lisbon", "areas": ["Visits hall", "Library"]}""",
              "id",
              Kind.FACILITY),
          endpoint(
              "POST /api/v1/accreditations",
              OWN,
              """
          {"mandateType": "NGO", "programmeType": "MONITORING", "proposedActivity": "Monthly monitoring visits",
           "swot": "Strong volunteers", "partners": "Bar association", "sustainabilityMonths": 18,
           "facilityIds": ["${facility}"], "representatives": [{"fullName": "Ann Other", "role": "Monitor"}],
           "religiousBased": false, "networkName": "Monitoring Network"}"""),
          endpoint("GET /api/v1/accreditations", OWN, null),
          endpoint("GET /api/v1/accreditations/{id}", OWN, null, "id", Kind.ACCREDITATION),
          endpoint("GET /api/v1/accreditations/{id}/mou.pdf", OWN, null, "id", Kind.ACCREDITATION),
          endpoint(
              "POST /api/v1/accreditations/{id}/information",
              OWN,
              """
          {"information": "Our statutes are attached"}""",
              "id",
              Kind.ACCREDITATION),
          endpoint("GET /api/v1/accreditations/{id}/mou", OWN, null, "id", Kind.ACCREDITATION),
          endpoint("POST /api/v1/accreditations/{id}/renewal", OWN, null, "id", Kind.ACCREDITATION),
          endpoint(
              "POST /api/v1/accreditations/{id}/mou/agreement",
              OWN,
              """
          {"version": 1}""",
              "id",
              Kind.ACCREDITATION),
          endpoint(
              "POST /api/v1/accreditations/{id}/mou/amendments",
              OWN,
              """
          {"version": 1, "amendments": [{"clause": 4, "text": "Mondays", "reason": "Our staff"}]}""",
              "id",
              Kind.ACCREDITATION),
          endpoint(
              "POST /api/v1/accreditations/{id}/countersignature",
              OWN,
              """
          {"signatory": "Ann Other"}""",
              "id",
              Kind.ACCREDITATION),
          endpoint(
              "POST /api/v1/accreditations/{id}/revocation",
              "martha",
              """
          {"reasons": "Breach of the MoU"}""",
              "id",
              Kind.ACCREDITATION),
          endpoint(
              "POST /api/v1/visits",
              OWN,
              """
          {"facilityId": "${facility}", "representativeIds": ["${representative}"], "windowStart": "${windowStart}",
           "windowEnd": "${windowEnd}", "activity": "Monitoring visit", "areas": ["Kitchen"], "equipment": ["DOCUMENTS"]}"""),
          endpoint(
              "POST /api/v1/visits/unannounced",
              "sam",
              """
          {"organisationId": "${organisation}", "facilityId": "${facility}", "representativeIds": ["${representative}"],
           "windowEnd": "${soon}", "activity": "Unannounced monitoring", "areas": [], "equipment": []}"""),
          endpoint("GET /api/v1/visits", OWN, null),
          endpoint("GET /api/v1/visits/{id}", OWN, null, "id", Kind.VISIT),
          endpoint("GET /api/v1/visits/{id}/search-notice", OWN, null, "id", Kind.VISIT),
          endpoint("GET /api/v1/visits/{id}/search-notice.pdf", OWN, null, "id", Kind.VISIT),
          endpoint(
              "POST /api/v1/visits/{id}/representatives/{representativeId}/acknowledgement",
              OWN,
              null,
              "id",
              Kind.VISIT,
              "representativeId",
              Kind.REPRESENTATIVE),
          endpoint(
              "POST /api/v1/visits/{id}/cancellation",
              OWN,
              """
          {"reasons": "Our monitor is ill"}""",
              "id",
              Kind.VISIT),
          endpoint(
              "POST /api/v1/reports",
              OWN,
              """
          {"title": "Remand wing ${run} ${n}", "facilityId": "${facility}", "visitsCovered": "Visit of 3 November",
           "goodPractices": "Clean kitchen", "findings": "Overcrowded cells", "allegation": false,
           "recommendations": [{"text": "Paint the cells", "area": "Living conditions", "priority": "URGENT",
                                "resourceEstimate": "LOW"}]}"""),
          endpoint("GET /api/v1/reports", OWN, null),
          endpoint("GET /api/v1/reports/{id}", OWN, null, "id", Kind.REPORT),
          endpoint("GET /api/v1/reports/{id}/status", OWN, null, "id", Kind.REPORT),
          endpoint("GET /api/v1/reports/{id}/plan-of-action", OWN, null, "id", Kind.REPORT),
          endpoint("GET /api/v1/reports/{id}/follow-up", OWN, null, "id", Kind.REPORT),
          endpoint(
              "POST /api/v1/reports/{id}/extension-request",
              "martha",
              """
          {"days": 10, "reasons": "The minister is away"}""",
              "id",
              Kind.REPORT),
          endpoint(
              "POST /api/v1/reports/{id}/extension-answer",
              OWN,
              """
          {"agree": true, "reasons": "Agreed at the meeting"}""",
              "id",
              Kind.REPORT),
          endpoint(
              "POST /api/v1/reports/{id}/referrals",
              OWN,
              """
          {"competentBody": "Public prosecutor", "reference": "PP-1", "referredOn": "2026-01-05"}""",
              "id",
              Kind.REPORT),
          endpoint(
              "POST /api/v1/reports/{id}/waiver",
              "martha",
              """
          {"reasons": "Publish now"}""",
              "id",
              Kind.REPORT),
          endpoint(
              "POST /api/v1/reports/{id}/plan-of-action/recommendations/{position}/comments",
              OWN,
              """
          {"comment": "Ventilation first"}""",
              "id",
              Kind.REPORT,
              "position",
              Kind.POSITION),
          endpoint(
              "POST /api/v1/meetings",
              OWN,
              """
          {"agenda": "Before our visits ${run} ${n}", "plannedFor": "${nextYear}"}"""),
          endpoint("GET /api/v1/meetings", OWN, null),
          endpoint("GET /api/v1/meetings/{id}", OWN, null, "id", Kind.MEETING),
          endpoint(
              "POST /api/v1/meetings/{id}/actions/{actionId}/done",
              OWN,
              """
          {"note": "Done"}""",
              "id",
              Kind.MEETING,
              "actionId",
              Kind.MEETING),
          endpoint("GET /api/v1/reports/{id}/publication", OWN, null, "id", Kind.REPORT),
          endpoint("POST /api/v1/reports/{id}/publication", OWN, null, "id", Kind.REPORT),
          endpoint(
              "POST /api/v1/reports/{id}/publication/consent",
              OWN,
              """
          {"version": 1}""",
              "id",
              Kind.REPORT),
          endpoint(
              "POST /api/v1/reports/{id}/publication/changes",
              OWN,
              """
          {"version": 1, "comments": "Say which wing"}""",
              "id",
              Kind.REPORT),
          endpoint(
              "POST /api/v1/reports/{id}/publication/withdrawal",
              OWN,
              """
          {"reasons": "A witness fears reprisal"}""",
              "id",
              Kind.REPORT),
          endpoint("GET /api/v1/incidents", OWN, null),
          endpoint("GET /api/v1/incidents/{visitId}", OWN, null, "visitId", Kind.VISIT),
          endpoint(
              "POST /api/v1/incidents/{visitId}/contest",
              OWN,
              """
          {"account": "Our monitor was inside the kitchen the whole time"}""",
              "visitId",
              Kind.VISIT),
          endpoint("GET /api/v1/visits/{visitId}/findings", OWN, null, "visitId", Kind.VISIT),
          endpoint(
              "POST /api/v1/visits/{visitId}/findings",
              OWN,
              """
          {"findings": [{"recommendationId": "${random}", "status": "PARTLY_IMPLEMENTED",
                         "text": "Two of five cells painted"}]}""",
              "visitId",
              Kind.VISIT),
          endpoint(
              "GET /api/v1/reports/{reportId}/recommendation-follow-up",
              OWN,
              null,
              "reportId",
              Kind.REPORT),
          endpoint("GET /api/v1/public/accreditation-rules", ANONYMOUS, null),
          endpoint("GET /api/v1/public/reports", ANONYMOUS, null),
          endpoint("GET /api/v1/public/reports/{id}", ANONYMOUS, null, "id", Kind.REPORT),
          endpoint("GET /api/v1/migrations", "paula", null),
          endpoint("GET /api/v1/migrations/versions", "paula", null),
          endpoint("GET /api/v1/migrations/plan", "paula", null),
          endpoint("GET /api/v1/migrations/{id}", "paula", null, "id", Kind.MIGRATION),
          endpoint(
              "POST /api/v1/migrations",
              "paula",
              """
          {"process": "report-review", "fromVersion": 1, "toVersion": 1}"""),
          endpoint("GET /api/v1/process-models", "paula", null),
          endpoint("GET /api/v1/model-changes", "paula", null),
          endpoint("GET /api/v1/model-changes/{id}", "paula", null, "id", Kind.MODEL_CHANGE),
          endpoint("GET /api/v1/sla/summary", "maria", null),
          endpoint("GET /api/v1/sla/task-types", "maria", null),
          endpoint("GET /api/v1/sla/breaches/daily", "maria", null),
          endpoint("GET /api/v1/sla/breaches", "maria", null),
          endpoint("GET /api/v1/mail/failures", "admin", null),
          endpoint("GET /api/v1/sla/escalations", "maria", null),
          endpoint("GET /sla", "maria", null),
          endpoint("GET /sla/login", ANONYMOUS, null),
          endpoint("GET /portal", OWN, null),
          endpoint("GET /portal/sign-in", ANONYMOUS, null),
          endpoint("GET /portal/accreditations/{id}", OWN, null, "id", Kind.ACCREDITATION),
          endpoint(
              "GET /portal/accreditations/{id}/information", OWN, null, "id", Kind.ACCREDITATION),
          endpoint(
              "POST /portal/accreditations/{id}/information",
              OWN,
              null,
              "id",
              Kind.ACCREDITATION_OF_A_PAGE_FORM),
          endpoint("GET /portal/accreditations/new", OWN, null),
          endpoint("GET /portal/accreditations/new/{step}", OWN, null, "step", Kind.STEP),
          endpoint("POST /portal/accreditations/new/{step}", OWN, null, "step", Kind.STEP),
          endpoint("POST /portal/accreditations/new/documents", OWN, null),
          endpoint(
              "POST /portal/accreditations/new/documents/{document}/removal",
              OWN,
              null,
              "document",
              Kind.ACCREDITATION_OF_A_PAGE_FORM),
          endpoint("GET /portal/accreditations/new/check", OWN, null),
          endpoint("POST /portal/accreditations/new/check", OWN, null),
          endpoint("GET /portal/documents/{id}", OWN, null, "id", Kind.DOCUMENT),
          endpoint("GET /portal/visits/{id}", OWN, null, "id", Kind.VISIT),
          endpoint("GET /portal/reports/{id}", OWN, null, "id", Kind.REPORT),
          endpoint("GET /portal/reports/new", OWN, null),
          endpoint("POST /portal/reports/new", OWN, null),
          endpoint("GET /portal/reports/{id}/extension-answer", OWN, null, "id", Kind.REPORT),
          endpoint(
              "POST /portal/reports/{id}/extension-answer",
              OWN,
              null,
              "id",
              Kind.REPORT_OF_A_PAGE_FORM),
          endpoint("GET /portal/reports/{id}/plan-of-action", OWN, null, "id", Kind.REPORT),
          endpoint(
              "POST /portal/reports/{id}/plan-of-action/recommendations/{position}/comments",
              OWN,
              null,
              "id",
              Kind.REPORT_OF_A_PAGE_FORM,
              "position",
              Kind.POSITION),
          endpoint("GET /portal/reports/{id}/publication", OWN, null, "id", Kind.REPORT),
          endpoint(
              "POST /portal/reports/{id}/publication", OWN, null, "id", Kind.REPORT_OF_A_PAGE_FORM),
          endpoint(
              "POST /portal/reports/{id}/publication/consent",
              OWN,
              null,
              "id",
              Kind.REPORT_OF_A_PAGE_FORM),
          endpoint(
              "POST /portal/reports/{id}/publication/changes",
              OWN,
              null,
              "id",
              Kind.REPORT_OF_A_PAGE_FORM),
          endpoint(
              "POST /portal/reports/{id}/publication/withdrawal",
              OWN,
              null,
              "id",
              Kind.REPORT_OF_A_PAGE_FORM),
          endpoint("GET /portal/accreditations/{id}/mou", OWN, null, "id", Kind.ACCREDITATION),
          endpoint(
              "POST /portal/accreditations/{id}/mou/amendments",
              OWN,
              null,
              "id",
              Kind.ACCREDITATION_OF_A_PAGE_FORM),
          endpoint(
              "POST /portal/accreditations/{id}/mou/agreement",
              OWN,
              null,
              "id",
              Kind.ACCREDITATION_OF_A_PAGE_FORM),
          endpoint(
              "GET /portal/accreditations/{id}/countersignature",
              OWN,
              null,
              "id",
              Kind.ACCREDITATION),
          endpoint(
              "POST /portal/accreditations/{id}/countersignature",
              OWN,
              null,
              "id",
              Kind.ACCREDITATION_OF_A_PAGE_FORM),
          endpoint("GET /portal/accreditations/{id}/mou.pdf", OWN, null, "id", Kind.ACCREDITATION),
          endpoint("GET /portal/visits/{id}/search-notice.pdf", OWN, null, "id", Kind.VISIT),
          endpoint("GET /portal/representatives", OWN, null),
          endpoint("GET /portal/representatives/new", OWN, null),
          endpoint("POST /portal/representatives", OWN, null),
          endpoint("GET /portal/register", ANONYMOUS, null),
          endpoint("POST /portal/register", ANONYMOUS, null),
          endpoint("GET /portal/register/sent", ANONYMOUS, null),
          endpoint("GET /portal/register/verify", ANONYMOUS, null),
          endpoint("POST /portal/register/verify", ANONYMOUS, null),
          endpoint("GET /portal/register/verified", ANONYMOUS, null),
          endpoint("GET /portal/account/activate", ANONYMOUS, null),
          endpoint("POST /portal/account/activate", ANONYMOUS, null),
          endpoint("GET /portal/account/activated", ANONYMOUS, null),
          endpoint("GET /portal/visits/new", OWN, null),
          endpoint("POST /portal/visits/new", OWN, null),
          endpoint("GET /portal/visits/{id}/search-notice.pdf", OWN, null, "id", Kind.VISIT),
          endpoint(
              "POST /portal/visits/{id}/representatives/{representativeId}/acknowledgement",
              OWN,
              null,
              "id",
              Kind.ACCREDITATION_OF_A_PAGE_FORM,
              "representativeId",
              Kind.ACCREDITATION_OF_A_PAGE_FORM),
          endpoint("GET /portal/incidents", OWN, null),
          endpoint("GET /portal/incidents/{visitId}/contest", OWN, null, "visitId", Kind.VISIT),
          endpoint(
              "POST /portal/incidents/{visitId}/contest",
              OWN,
              null,
              "visitId",
              Kind.ACCREDITATION_OF_A_PAGE_FORM),
          endpoint("GET /portal/settings", OWN, null),
          endpoint("POST /portal/settings", OWN, null),
          endpoint("GET /sla/settings", "lena", null),
          endpoint("POST /sla/settings", "lena", null));

  /** One organisation's user and records. */
  record Organisation(
      String user,
      UUID organisation,
      UUID representative,
      UUID accreditation,
      UUID visit,
      UUID report,
      UUID meeting) {}

  private static UUID facility;
  private static String freeUser;
  private static Organisation own;
  private static Organisation other;

  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identityService;
  @Autowired RepresentativeRepository representatives;
  @Autowired AccreditationRepository accreditations;
  @Autowired FacilityRepository facilities;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  /**
   * Once: a facility, an NGO user bound to no organisation, and two organisations, each with a
   * visit and a report.
   */
  @BeforeEach
  void twoOrganisations() {
    if (other != null) {
      return;
    }
    facility =
        facilities.findAll().stream()
            .filter(f -> f.getName().equals("Central Prison"))
            .findFirst()
            .map(Facility::getId)
            .orElseThrow();
    freeUser = ngoUser("abusefree" + RUN);
    Organisation a = organisation("A");
    Organisation b = organisation("B");
    own = withVisitAndReport(a, b);
    other = withVisitAndReport(b, a);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void answersAsTheTableSays(Row row) {
    Map<String, String> before = fingerprint();
    Sent sent = send(row, own, other);

    assertThat(sent.status()).as(row + "\n" + sent.body()).isEqualTo(row.status());
    if (row.status() >= 400) {
      JsonNode problem = problemDetails(row, sent);
      if (!row.fields().isEmpty()) {
        assertThat(new TreeSet<>(problem.path("errors").findValuesAsText("field")))
            .as(row + "\n" + sent.body())
            .isEqualTo(new TreeSet<>(row.fields()));
      }
      Matcher tooLong = LONG_TEXT.matcher(row.caseText().startsWith("{\"") ? row.caseText() : "");
      while (tooLong.find()) {
        String limit = "at most " + (Integer.parseInt(tooLong.group(1)) - 1) + " characters";
        assertThat(problem.path("errors").findValuesAsText("problem"))
            .as(row + ": the column's limit")
            .anyMatch(text -> text.contains(limit));
      }
      assertThat(fingerprint())
          .as(row + ": the refused request changed the database")
          .isEqualTo(before);
      if (row.caseText().endsWith("=OTHER")) {
        Sent unknown =
            send(
                new Row(
                    row.line(),
                    row.endpoint(),
                    row.caseText().replace("=OTHER", "=RANDOM"),
                    404,
                    List.of()),
                own,
                other);
        assertThat(withoutIds(sent.body()))
            .as(row + ": another organisation's record looks like an unknown one")
            .isEqualTo(withoutIds(unknown.body()));
      }
    } else if (!row.fields().isEmpty()) {
      JsonNode answer = read(sent.body());
      for (String field : row.fields()) {
        assertThat(answer.at(pointer(field)))
            .as(row + ": " + field + " stored intact")
            .isEqualTo(sent.json().at(pointer(field)));
      }
    }
  }

  @Test
  void everyRouteOfOurApiHasRowsInTheTable() {
    Set<String> routes = new TreeSet<>();
    mappings
        .getHandlerMethods()
        .keySet()
        .forEach(
            info ->
                info.getPatternValues().stream()
                    .filter(
                        pattern ->
                            pattern.startsWith("/api/v1")
                                || pattern.equals("/sla")
                                || pattern.startsWith("/sla/")
                                || pattern.equals("/portal")
                                || pattern.startsWith("/portal/"))
                    .forEach(
                        pattern ->
                            info.getMethodsCondition()
                                .getMethods()
                                .forEach(method -> routes.add(method + " " + pattern))));
    Set<String> defined =
        ENDPOINTS.stream().map(Endpoint::key).collect(Collectors.toCollection(TreeSet::new));
    Set<String> tabled =
        rows().map(row -> row.endpoint().key()).collect(Collectors.toCollection(TreeSet::new));

    assertThat(defined)
        .as("endpoints defined here that the application does not map")
        .isSubsetOf(routes);
    assertThat(tabled).as("routes without a row in " + TABLE).containsAll(routes);
  }

  // ------------------------------------------------------------------ the table

  private static final String TABLE = "bad-input-cases.txt";

  /** One row of the table, for one endpoint (wildcard rows are expanded). */
  record Row(int line, Endpoint endpoint, String caseText, int status, List<String> fields) {

    @Override
    public String toString() {
      String text = caseText.length() > 90 ? caseText.substring(0, 90) + "…" : caseText;
      return "line "
          + line
          + ": "
          + endpoint.key()
          + (endpoint.accept() == null ? "" : " accept=" + endpoint.accept())
          + " | "
          + text;
    }
  }

  static Stream<Row> rows() {
    List<Row> rows = new ArrayList<>();
    List<String> lines = tableLines();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split("\\s*\\|\\s*", -1);
      int status = Integer.parseInt(cells[2].strip());
      List<String> fields =
          cells.length > 3 && !cells[3].isBlank()
              ? Arrays.stream(cells[3].split(",")).map(String::strip).toList()
              : List.of();
      rows.addAll(expand(i + 1, cells[0].strip(), cells[1].strip(), status, fields));
    }
    return rows.stream();
  }

  private static List<Row> expand(
      int line, String endpoint, String caseText, int status, List<String> fields) {
    List<Row> rows = new ArrayList<>();
    switch (endpoint) {
      case "BODY" ->
          ENDPOINTS.stream()
              .filter(e -> e.body() != null)
              .forEach(e -> rows.add(new Row(line, e, caseText, status, fields)));
      case "ID" ->
          ENDPOINTS.forEach(
              e ->
                  e.variables()
                      .forEach(
                          (variable, kind) -> {
                            boolean other = caseText.endsWith("=OTHER");
                            if (kind != Kind.USER
                                && kind != Kind.POSITION
                                && kind != Kind.STEP
                                && kind != Kind.ACCREDITATION_OF_A_PAGE_FORM
                                && kind != Kind.REPORT_OF_A_PAGE_FORM
                                && (!other
                                    || (kind.ownedByAnOrganisation()
                                        && e.actsForAnOrganisation()))) {
                              rows.add(
                                  new Row(
                                      line,
                                      e,
                                      caseText.replace("{*}", "{" + variable + "}"),
                                      status,
                                      fields.stream()
                                          .map(f -> f.equals("*") ? variable : f)
                                          .toList()));
                            }
                          }));
      default -> {
        String[] parts = endpoint.split(" ");
        String key = parts[0] + " " + parts[1];
        Endpoint found =
            ENDPOINTS.stream()
                .filter(e -> e.key().equals(key))
                .findFirst()
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            TABLE + " line " + line + ": no endpoint " + key));
        rows.add(
            new Row(
                line,
                parts.length > 2 ? found.accepting(parts[2].substring("accept=".length())) : found,
                caseText,
                status,
                fields));
      }
    }
    return rows;
  }

  private static List<String> tableLines() {
    try (InputStream in = BadInputIT.class.getResourceAsStream(TABLE)) {
      return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ------------------------------------------------------------------ sending a row

  /** What was sent (the JSON body, when there was one) and what came back. */
  record Sent(JsonNode json, int status, String contentType, String body) {}

  /**
   * Sends the row's request as {@code acting}'s user where the endpoint acts for an organisation.
   */
  private Sent send(Row row, Organisation acting, Organisation another) {
    Endpoint endpoint = row.endpoint();
    String caseText = row.caseText();
    Map<String, String> variables = new LinkedHashMap<>();
    endpoint.variables().forEach((name, kind) -> variables.put(name, value(kind, acting)));
    String query = "";
    JsonNode body = endpoint.body() == null ? null : read(macros(endpoint.body(), acting, another));
    String keyword = null;
    if (caseText.startsWith("{") && caseText.contains("=") && !caseText.startsWith("{\"")) {
      String name = caseText.substring(1, caseText.indexOf('}'));
      String value = caseText.substring(caseText.indexOf('=') + 1);
      Kind kind = endpoint.variables().get(name);
      variables.put(
          name,
          switch (value) {
            case "OTHER" -> value(kind, another);
            case "RANDOM" -> UUID.randomUUID().toString();
            default -> macros(value, acting, another);
          });
    } else if (caseText.startsWith("?")) {
      query = caseText;
    } else if (caseText.startsWith("{")) {
      body = merge(body, read(macros(caseText, acting, another)));
    } else if (!caseText.equals("VALID")) {
      keyword = caseText;
    }
    String path = endpoint.route();
    for (var variable : variables.entrySet()) {
      path =
          path.replace(
              "{" + variable.getKey() + "}",
              UriUtils.encodePathSegment(variable.getValue(), StandardCharsets.UTF_8));
    }
    String credentials =
        switch (endpoint.user()) {
          case ANONYMOUS -> null;
          case OWN -> acting.user() + ":" + PASSWORD;
          default -> endpoint.user() + ":demo";
        };
    if ("OVERSIZED".equals(keyword)) {
      RawHttp.Answer answer =
          RawHttp.declaring(
              port,
              endpoint.method(),
              path + query,
              credentials,
              "application/json",
              BODY_LIMIT + 1L,
              "{\"a\": \"".getBytes(StandardCharsets.UTF_8));
      return new Sent(null, answer.status(), answer.headers().get("content-type"), answer.body());
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (endpoint.accept() != null) {
      headers.setAccept(List.of(MediaType.parseMediaType(endpoint.accept())));
    }
    byte[] bytes = body == null ? null : serialize(body);
    if (keyword != null) {
      bytes =
          switch (keyword) {
            case "MALFORMED" -> "{\"name\": \"unfinished".getBytes(StandardCharsets.UTF_8);
            case "ARRAY" -> "[]".getBytes(StandardCharsets.UTF_8);
            case "NULL" -> "null".getBytes(StandardCharsets.UTF_8);
            case "EMPTY" -> new byte[0];
            case "TEXT" -> {
              headers.setContentType(MediaType.TEXT_PLAIN);
              yield "name=Prison Watch".getBytes(StandardCharsets.UTF_8);
            }
            case "DEEP" ->
                ("{\"deep\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}")
                    .getBytes(StandardCharsets.UTF_8);
            default ->
                throw new IllegalStateException(
                    TABLE + " line " + row.line() + ": no case " + keyword);
          };
    }
    TestRestTemplate client =
        credentials == null
            ? rest
            : rest.withBasicAuth(
                credentials.substring(0, credentials.indexOf(':')),
                credentials.substring(credentials.indexOf(':') + 1));
    ResponseEntity<byte[]> answer =
        client.exchange(
            URI.create(baseUrl() + path + query),
            HttpMethod.valueOf(endpoint.method()),
            new HttpEntity<>(bytes, headers),
            byte[].class);
    MediaType type = answer.getHeaders().getContentType();
    return new Sent(
        body,
        answer.getStatusCode().value(),
        type == null ? null : type.toString(),
        answer.getBody() == null ? "" : new String(answer.getBody(), StandardCharsets.UTF_8));
  }

  private String value(Kind kind, Organisation organisation) {
    return switch (kind) {
      case ORGANISATION -> organisation.organisation().toString();
      case ACCREDITATION, ACCREDITATION_OF_A_PAGE_FORM -> organisation.accreditation().toString();
      case VISIT -> organisation.visit().toString();
      case REPORT, REPORT_OF_A_PAGE_FORM -> organisation.report().toString();
      case REPRESENTATIVE -> organisation.representative().toString();
      case FACILITY -> facility.toString();
      case USER -> freeUser;
      case MEETING -> organisation.meeting().toString();
      case POSITION -> "1";
      case MIGRATION, MODEL_CHANGE, DOCUMENT -> UUID.randomUUID().toString();
      case STEP -> "facilities";
    };
  }

  private static final Pattern MACRO = Pattern.compile("\\$\\{(\\w+)(?::(\\d+))?}");
  private static final Pattern LONG_TEXT = Pattern.compile("\\$\\{long:(\\d+)}");

  /** Replaces the table's macros: values of the fixture, long strings and lists. */
  private static String macros(String text, Organisation acting, Organisation another) {
    Matcher macro = MACRO.matcher(text);
    StringBuilder result = new StringBuilder();
    while (macro.find()) {
      int n = macro.group(2) == null ? 0 : Integer.parseInt(macro.group(2));
      String value =
          switch (macro.group(1)) {
            case "run" -> RUN;
            case "n" -> Integer.toString(SERIAL.incrementAndGet());
            // Cyrillic letters: two bytes each in UTF-8, so a limit counted in bytes would show
            case "long" -> (RUN + "ж".repeat(n)).substring(0, n);
            case "list" ->
                IntStream.rangeClosed(1, n)
                    .mapToObj(i -> "\"Item " + i + "\"")
                    .collect(Collectors.joining(", ", "[", "]"));
            case "people" ->
                IntStream.rangeClosed(1, n)
                    .mapToObj(i -> "{\"fullName\": \"Person " + i + "\", \"role\": \"Monitor\"}")
                    .collect(Collectors.joining(", ", "[", "]"));
            case "random" -> UUID.randomUUID().toString();
            case "facility" -> facility.toString();
            case "organisation" -> acting.organisation().toString();
            case "representative" -> acting.representative().toString();
            case "otherRepresentative" -> another.representative().toString();
            case "windowStart" -> visitDay().toString();
            case "windowEnd" -> visitDay().plus(3, ChronoUnit.HOURS).toString();
            case "yearAndAMonth" -> visitDay().plus(400, ChronoUnit.DAYS).toString();
            case "nextYear" -> LocalDate.now(ZoneOffset.UTC).plusYears(1).toString();
            case "soon" ->
                Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
            default -> throw new IllegalStateException("no macro " + macro.group());
          };
      macro.appendReplacement(result, Matcher.quoteReplacement(value));
    }
    return macro.appendTail(result).toString();
  }

  /**
   * 10:00 UTC on the next Tuesday or Thursday at least five days ahead: inside both demo
   * facilities' hours.
   */
  private static Instant visitDay() {
    LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(5);
    while (day.getDayOfWeek() != DayOfWeek.TUESDAY && day.getDayOfWeek() != DayOfWeek.THURSDAY) {
      day = day.plusDays(1);
    }
    return day.atTime(LocalTime.of(10, 0)).toInstant(ZoneOffset.UTC);
  }

  /** RFC 7396: a patch's members replace the target's, {@code null} removes one. */
  private static JsonNode merge(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch;
    }
    ObjectNode result =
        target != null && target.isObject()
            ? ((ObjectNode) target).deepCopy()
            : JSON.createObjectNode();
    patch
        .fields()
        .forEachRemaining(
            member -> {
              if (member.getValue().isNull()) {
                result.remove(member.getKey());
              } else {
                result.set(member.getKey(), merge(result.get(member.getKey()), member.getValue()));
              }
            });
    return result;
  }

  /** As UTF-8, as clients send it; a lone surrogate, which UTF-8 cannot carry, as a JSON escape. */
  private static byte[] serialize(JsonNode body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (IOException loneSurrogate) {
      try {
        return ESCAPING_JSON.writeValueAsBytes(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  // ------------------------------------------------------------------ what every refusal must be

  private static final List<String> LEAKS =
      List.of(
          "exception",
          "com.fasterxml",
          "org.springframework",
          "org.hibernate",
          "org.postgresql",
          "org.camunda",
          "java.",
          "jakarta.",
          "caused by",
          "jackson",
          "sql",
          "stacktrace",
          "trace");

  private static JsonNode problemDetails(Row row, Sent sent) {
    assertThat(sent.contentType())
        .as(row + ": content type")
        .startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    JsonNode problem = read(sent.body());
    assertThat(problem.path("status").asInt())
        .as(row + ": status in the body")
        .isEqualTo(row.status());
    assertThat(problem.path("title").asText()).as(row + ": title").isNotBlank();
    assertThat(problem.path("detail").asText()).as(row + ": detail").isNotBlank();
    String lower = sent.body().toLowerCase(Locale.ROOT);
    assertThat(LEAKS)
        .as(row + ": no class or exception text in\n" + sent.body())
        .noneMatch(lower::contains);
    return problem;
  }

  private static String withoutIds(String body) {
    return body.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "{id}");
  }

  private static String pointer(String field) {
    return "/" + field.replace("[", ".").replace("]", "").replace(".", "/");
  }

  /** Each of our tables: how many rows and a hash of their content; the engine's: how many rows. */
  private Map<String, String> fingerprint() {
    String sql =
        Stream.concat(
                OUR_TABLES.stream()
                    .map(
                        table ->
                            "select '"
                                + table
                                + "', count(*) || ':' || md5(coalesce(string_agg(t::text, '|' "
                                + "order by t::text), '')) from "
                                + table
                                + " t"),
                ENGINE_TABLES.stream()
                    .map(table -> "select '" + table + "', count(*)::text from " + table))
            .collect(Collectors.joining(" union all "));
    Map<String, String> fingerprint = new TreeMap<>();
    jdbc.query(
        sql,
        (ResultSet rs) -> {
          fingerprint.put(rs.getString(1), rs.getString(2));
        });
    return fingerprint;
  }

  // ------------------------------------------------------------------ fixture

  /** An organisation with a registered formal mandate, its user and one representative. */
  private Organisation organisation(String letter) {
    String user = ngoUser("abuse" + letter.toLowerCase(Locale.ROOT) + RUN);
    ResponseEntity<String> registered =
        as("lena")
            .postForEntity(
                "/api/v1/organisations",
                jsonEntity(
                    "{\"name\": \"Abuse Watch "
                        + letter
                        + " "
                        + RUN
                        + "\", \"mandateType\": \"NPM\"}"),
                String.class);
    assertThat(registered.getStatusCode().value()).as(registered.getBody()).isEqualTo(201);
    UUID organisation = UUID.fromString(read(registered.getBody()).get("id").asText());
    assertThat(
            as("lena")
                .exchange(
                    "/api/v1/organisations/" + organisation + "/members/" + user,
                    HttpMethod.PUT,
                    null,
                    String.class)
                .getStatusCode()
                .value())
        .isEqualTo(204);
    Representative person =
        representatives.save(new Representative(organisation, "Alice Abuse " + letter, "Monitor"));
    Accreditation mandate =
        new Accreditation(
            new Application(
                organisation,
                MandateType.NPM,
                ProgrammeType.MONITORING,
                "OPCAT " + letter,
                "Parliament",
                LocalDate.now().plusYears(2),
                "Monitoring visits",
                null,
                null,
                24,
                facilities.findAll().stream().map(Facility::getId).toList(),
                List.of(person.getId())),
            user,
            Instant.now(),
            null);
    mandate.moveTo(AccreditationStatus.MANDATE_REGISTERED);
    accreditations.save(mandate);
    return new Organisation(user, organisation, person.getId(), mandate.getId(), null, null, null);
  }

  /**
   * Its visit and report, requested and submitted through the API with the valid bodies of this
   * test.
   */
  private Organisation withVisitAndReport(Organisation organisation, Organisation another) {
    UUID visit = created(endpoint("POST /api/v1/visits"), organisation, another);
    UUID report = created(endpoint("POST /api/v1/reports"), organisation, another);
    UUID meeting = created(endpoint("POST /api/v1/meetings"), organisation, another);
    return new Organisation(
        organisation.user(),
        organisation.organisation(),
        organisation.representative(),
        organisation.accreditation(),
        visit,
        report,
        meeting);
  }

  private UUID created(Endpoint endpoint, Organisation acting, Organisation another) {
    Sent sent = send(new Row(0, endpoint, "VALID", 201, List.of()), acting, another);
    assertThat(sent.status()).as(endpoint.key() + ": " + sent.body()).isEqualTo(201);
    return UUID.fromString(read(sent.body()).get("id").asText());
  }

  private String ngoUser(String userId) {
    User user = identityService.newUser(userId);
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    identityService.createMembership(userId, "ngo");
    return userId;
  }

  private static Endpoint endpoint(String key) {
    return ENDPOINTS.stream().filter(e -> e.key().equals(key)).findFirst().orElseThrow();
  }

  private static Endpoint endpoint(String key, String user, String body, Object... variables) {
    Map<String, Kind> named = new LinkedHashMap<>();
    for (int i = 0; i < variables.length; i += 2) {
      named.put((String) variables[i], (Kind) variables[i + 1]);
    }
    String[] parts = key.split(" ");
    return new Endpoint(parts[0], parts[1], user, body, named, null);
  }

  private static HttpEntity<String> jsonEntity(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
