package org.invisiblebars.organisation.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The migration that makes organisation names unique whatever their case and spacing runs on H2 and
 * on PostgreSQL, over rows registered before it, including names registered twice.
 */
class OrganisationNameKeyMigrationTest {

  @Test
  void onH2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:name-key-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    namesRegisteredBeforeKeepTheirRowsAndTheOldestItsKey(h2);
  }

  @Test
  void onPostgreSql() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
      namesRegisteredBeforeKeepTheirRowsAndTheOldestItsKey(postgres.getPostgresDatabase());
    }
  }

  private static void namesRegisteredBeforeKeepTheirRowsAndTheOldestItsKey(DataSource database) {
    flyway(database).target("7").load().migrate();
    JdbcTemplate jdbc = new JdbcTemplate(database);
    UUID first = insert(jdbc, "Prison Watch", Instant.parse("2026-01-01T00:00:00Z"));
    UUID second = insert(jdbc, "prison   WATCH ", Instant.parse("2026-02-01T00:00:00Z"));
    UUID cyrillic = insert(jdbc, "Правозащитный Центр", Instant.parse("2026-03-01T00:00:00Z"));

    flyway(database).load().migrate();

    assertThat(
            jdbc.queryForList(
                "select name_key from organisation order by created_at", String.class))
        .isEqualTo(List.of("prison watch", "prison watch #" + second, "правозащитный центр"));
    assertThat(
            jdbc.queryForObject(
                "select count(*) from organisation where id in (?, ?, ?)",
                Long.class,
                first,
                second,
                cyrillic))
        .isEqualTo(3);
    assertThatThrownBy(
            () ->
                jdbc.update(
                    "insert into organisation (id, name, name_key, mandate_type, created_at) "
                        + "values (?, 'PRISON WATCH', 'prison watch', 'NGO', ?)",
                    UUID.randomUUID(),
                    Timestamp.from(Instant.now())))
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThatThrownBy(
            () ->
                jdbc.update(
                    "insert into organisation (id, name, mandate_type, created_at) "
                        + "values (?, 'No Key', 'NGO', ?)",
                    UUID.randomUUID(),
                    Timestamp.from(Instant.now())))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  private static FluentConfiguration flyway(DataSource database) {
    return Flyway.configure()
        .dataSource(database)
        .locations("classpath:db/migration")
        // application.yaml gives V24 the zone of the facilities stored before facilities had one
        .placeholders(Map.of("facility-default-zone", "UTC"))
        .javaMigrations(new OrganisationNameKeyMigration());
  }

  private static UUID insert(JdbcTemplate jdbc, String name, Instant createdAt) {
    UUID id = UUID.randomUUID();
    jdbc.update(
        "insert into organisation (id, name, mandate_type, created_at) values (?, ?, 'NGO', ?)",
        id,
        name,
        Timestamp.from(createdAt));
    return id;
  }
}
