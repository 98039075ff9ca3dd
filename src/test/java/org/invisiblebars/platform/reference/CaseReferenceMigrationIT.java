package org.invisiblebars.platform.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.invisiblebars.support.EmbeddedPostgresDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V10 numbers the cases that existed before references, per year of creation in the order they were
 * created, and leaves each counter at the last number given, on H2 and on PostgreSQL alike; V17
 * does the same for coordination meetings, by the time they were called.
 */
class CaseReferenceMigrationIT {

  private static final Instant EARLY_2025 = Instant.parse("2025-02-01T10:00:00Z");
  private static final Instant LATE_2025 = Instant.parse("2025-11-01T10:00:00Z");
  private static final Instant MID_2026 = Instant.parse("2026-06-01T10:00:00Z");

  @Test
  void existingCasesAreNumberedInCreationOrderOnH2() {
    backfills(h2("refs"));
  }

  @Test
  void existingCasesAreNumberedInCreationOrderOnPostgres() {
    backfills(postgres("refs_"));
  }

  @Test
  void existingMeetingsAreNumberedInTheOrderTheyWereCalledOnH2() {
    backfillsMeetings(h2("mtgs"));
  }

  @Test
  void existingMeetingsAreNumberedInTheOrderTheyWereCalledOnPostgres() {
    backfillsMeetings(postgres("mtgs_"));
  }

  /** A new, empty in-memory H2 database. */
  private static DataSource h2(String prefix) {
    return new DriverManagerDataSource(
        "jdbc:h2:mem:" + prefix + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
  }

  /** A new, empty database on the embedded PostgreSQL server. */
  private static DataSource postgres(String prefix) {
    String database = prefix + Long.toString(System.nanoTime(), 36);
    new JdbcTemplate(EmbeddedPostgresDatabase.server().getPostgresDatabase())
        .execute("create database " + database);
    return EmbeddedPostgresDatabase.server().getDatabase("postgres", database);
  }

  private static void backfillsMeetings(DataSource dataSource) {
    Flyway.configure().dataSource(dataSource).target("16").load().migrate();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    UUID organisation = UUID.randomUUID();
    jdbc.update(
        "insert into organisation (id, name, mandate_type, created_at) values (?, 'Watch', 'NGO', ?)",
        organisation,
        Timestamp.from(EARLY_2025));
    UUID late = meeting(jdbc, organisation, LATE_2025);
    UUID early = meeting(jdbc, organisation, EARLY_2025);
    UUID next = meeting(jdbc, organisation, MID_2026);

    Flyway.configure()
        .dataSource(dataSource)
        .placeholders(Map.of("facility-default-zone", "UTC"))
        .load()
        .migrate();

    assertThat(reference(jdbc, "coordination_meeting", early)).isEqualTo("MTG-2025-0001");
    assertThat(reference(jdbc, "coordination_meeting", late)).isEqualTo("MTG-2025-0002");
    assertThat(reference(jdbc, "coordination_meeting", next)).isEqualTo("MTG-2026-0001");
    assertThat(
            jdbc.queryForList(
                "select prefix, case_year, last_number from case_reference_counter"
                    + " where prefix = 'MTG' order by case_year"))
        .extracting(c -> c.get("prefix") + "-" + c.get("case_year") + ":" + c.get("last_number"))
        .containsExactly("MTG-2025:2", "MTG-2026:1");
  }

  private static UUID meeting(JdbcTemplate jdbc, UUID organisation, Instant calledAt) {
    UUID id = UUID.randomUUID();
    jdbc.update(
        "insert into coordination_meeting (id, organisation_id, agenda, called_by,"
            + " called_by_organisation, called_at) values (?, ?, 'Access', 'lena', false, ?)",
        id,
        organisation,
        Timestamp.from(calledAt));
    return id;
  }

  private static void backfills(DataSource dataSource) {
    Flyway.configure().dataSource(dataSource).target("9").load().migrate();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    UUID organisation = UUID.randomUUID();
    UUID facility = UUID.randomUUID();
    jdbc.update(
        "insert into organisation (id, name, mandate_type, created_at) values (?, 'Watch', 'NGO', ?)",
        organisation,
        Timestamp.from(EARLY_2025));
    jdbc.update(
        "insert into facility (id, name, liaison_capacity) values (?, 'Central', 2)", facility);
    // inserted out of order: the numbers follow the time of creation, not the insertion
    UUID late = accreditation(jdbc, organisation, LATE_2025);
    UUID early = accreditation(jdbc, organisation, EARLY_2025);
    UUID next = accreditation(jdbc, organisation, MID_2026);
    UUID visit = visit(jdbc, organisation, facility, MID_2026);

    Flyway.configure()
        .dataSource(dataSource)
        .placeholders(Map.of("facility-default-zone", "UTC"))
        .load()
        .migrate();

    assertThat(reference(jdbc, "accreditation", early)).isEqualTo("ACC-2025-0001");
    assertThat(reference(jdbc, "accreditation", late)).isEqualTo("ACC-2025-0002");
    assertThat(reference(jdbc, "accreditation", next)).isEqualTo("ACC-2026-0001");
    assertThat(reference(jdbc, "visit", visit)).isEqualTo("VIS-2026-0001");
    List<Map<String, Object>> counters =
        jdbc.queryForList(
            "select prefix, case_year, last_number from case_reference_counter"
                + " order by prefix, case_year");
    assertThat(counters)
        .extracting(c -> c.get("prefix") + "-" + c.get("case_year") + ":" + c.get("last_number"))
        .containsExactly("ACC-2025:2", "ACC-2026:1", "VIS-2026:1");
  }

  private static UUID accreditation(JdbcTemplate jdbc, UUID organisation, Instant submittedAt) {
    UUID id = UUID.randomUUID();
    jdbc.update(
        "insert into accreditation (id, organisation_id, status, mandate_type, programme_type,"
            + " proposed_activity, sustainability_months, submitted_by, submitted_at)"
            + " values (?, ?, 'SUBMITTED', 'NGO', 'MONITORING', 'Visits', 12, 'john', ?)",
        id,
        organisation,
        Timestamp.from(submittedAt));
    return id;
  }

  private static UUID visit(JdbcTemplate jdbc, UUID organisation, UUID facility, Instant at) {
    UUID id = UUID.randomUUID();
    jdbc.update(
        "insert into visit (id, organisation_id, facility_id, mandate_type, announced,"
            + " window_start, window_end, activity, status, requested_by, requested_at)"
            + " values (?, ?, ?, 'NGO', true, ?, ?, 'Monitoring', 'UNDER_REVIEW', 'john', ?)",
        id,
        organisation,
        facility,
        Timestamp.from(at.plusSeconds(86_400)),
        Timestamp.from(at.plusSeconds(90_000)),
        Timestamp.from(at));
    return id;
  }

  private static String reference(JdbcTemplate jdbc, String table, UUID id) {
    return jdbc.queryForObject(
        "select reference from " + table + " where id = ?", String.class, id);
  }
}
