package org.invisiblebars.platform.security;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The authorization matrix, {@code src/test/resources/authorization-matrix.csv}: one row per route
 * (or several, with different fixtures), one column per role, each cell the status that role must
 * get. See {@code docs/security.md}, "Authorization matrix", for how to read and extend it.
 */
record AuthorizationMatrix(List<Row> rows) {

  static final String RESOURCE = "/authorization-matrix.csv";

  /** The roles, in the order of the columns and of the requests made for a row. */
  enum Role {
    DIRECTOR("director"),
    SECURITY("security"),
    NGO_LIAISON("ngo-liaison"),
    MANAGER("manager"),
    PROCESS_OWNER("process-owner"),
    CAMUNDA_ADMIN("camunda-admin"),
    NGO_A("ngo-a"),
    NGO_B("ngo-b"),
    ANONYMOUS("anonymous");

    final String column;

    Role(String column) {
      this.column = column;
    }

    boolean isStaff() {
      return ordinal() <= CAMUNDA_ADMIN.ordinal();
    }
  }

  /**
   * Which of an engine REST row's two ways the row is for: both (blank), {@code basic} ({@code
   * /engine-rest}) or {@code webapp} (the web applications' engine API), where they answer
   * differently.
   */
  enum Via {
    BOTH,
    BASIC,
    WEBAPP
  }

  /**
   * The column of a caller without a session of the web applications, for the engine rows' second
   * transport.
   */
  static final String NO_SESSION = "no-session";

  /**
   * A row: the route as {@link RouteInventory} names it; the request made (path with fixture
   * placeholders, blank for the route's own path); an Accept header; a body; a cell per role.
   */
  record Row(
      int line,
      String route,
      Via via,
      String request,
      String accept,
      String body,
      Map<Role, Cell> cells,
      Cell noSession,
      String note) {

    /** The method of the route; a route for any method is asked with GET. */
    String method() {
      String method = route.substring(0, route.indexOf(' '));
      return method.equals("ANY") ? "GET" : method;
    }

    String path() {
      String template = request.isBlank() ? route.substring(route.indexOf(' ') + 1) : request;
      return template;
    }

    /**
     * Engine REST rows are asserted with HTTP Basic and through the web applications' engine API,
     * unless {@code via} names one.
     */
    boolean throughBasic() {
      return via != Via.WEBAPP;
    }

    boolean throughTheWebApplications() {
      return noSession != null;
    }

    @Override
    public String toString() {
      return "line " + line + " " + route + (request.isBlank() ? "" : " as " + request);
    }
  }

  /**
   * What a role gets: a status ({@code 200}) or a class ({@code 2xx}, {@code 4xx}); never a 5xx.
   */
  record Cell(String expected) {

    private static final Pattern GRAMMAR = Pattern.compile("^[1-4](?:\\d\\d|xx)$");

    static Cell parse(String text, String where) {
      if (!GRAMMAR.matcher(text.trim()).matches()) {
        throw new IllegalArgumentException(
            where + ": '" + text + "' is not a cell (e.g. 200, 4xx)");
      }
      return new Cell(text.trim());
    }

    boolean matches(int status) {
      String actual = Integer.toString(status);
      return expected.endsWith("xx")
          ? expected.charAt(0) == actual.charAt(0)
          : expected.equals(actual);
    }
  }

  static AuthorizationMatrix load() {
    var resource =
        Objects.requireNonNull(AuthorizationMatrix.class.getResourceAsStream(RESOURCE), RESOURCE);
    try (Reader reader = new InputStreamReader(resource, StandardCharsets.UTF_8)) {
      CSVFormat format =
          CSVFormat.DEFAULT
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .setCommentMarker('#')
              .setIgnoreSurroundingSpaces(true)
              .setIgnoreEmptyLines(true)
              .get();
      List<Row> rows = new ArrayList<>();
      for (CSVRecord record : format.parse(reader)) {
        rows.add(row(record));
      }
      return new AuthorizationMatrix(rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Row row(CSVRecord record) {
    String where = RESOURCE + " line " + record.getParser().getCurrentLineNumber();
    Map<Role, Cell> cells = new LinkedHashMap<>();
    for (Role role : Role.values()) {
      cells.put(role, Cell.parse(record.get(role.column), where + ", " + role.column));
    }
    String noSession = record.get(NO_SESSION);
    String route = record.get("route");
    Via via =
        record.get("via").isBlank()
            ? Via.BOTH
            : Via.valueOf(record.get("via").toUpperCase(Locale.ROOT));
    boolean engineRest =
        route.substring(route.indexOf(' ') + 1).startsWith(RouteInventory.ENGINE_REST + "/");
    if (!engineRest && via != Via.BOTH) {
      throw new IllegalArgumentException(where + ": only engine REST rows name a way (via)");
    }
    if ((engineRest && via != Via.BASIC) == noSession.isBlank()) {
      throw new IllegalArgumentException(
          where
              + ": "
              + NO_SESSION
              + " is required for engine REST rows asserted through the web "
              + "applications, and only for them");
    }
    return new Row(
        (int) record.getParser().getCurrentLineNumber(),
        route,
        via,
        record.get("request"),
        record.get("accept"),
        record.get("body"),
        cells,
        noSession.isBlank() ? null : Cell.parse(noSession, where + ", " + NO_SESSION),
        record.get("note"));
  }
}
