package org.invisiblebars.platform.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * CSV for spreadsheets, safe against CSV and formula injection (OWASP "CSV Injection"): Commons CSV
 * writes RFC 4180 with every field quoted, and each value is neutralised first. Values come from
 * people (an assignee, a business key), and a spreadsheet runs a cell starting with {@code = + - @}
 * (or a tab or carriage return before one) as a formula, so such a cell gets a leading apostrophe
 * and is shown as text. Tabs, line breaks and other control characters become spaces: our exports
 * carry identifiers, never text with lines, and one record per line keeps line-oriented tools
 * (grep, a naive import) from seeing a line that starts with {@code =}.
 */
public final class SpreadsheetCsv {

  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL).get();
  private static final String FORMULA_START = "=+-@";

  private SpreadsheetCsv() {}

  /** The header and the rows as CSV text; {@code null} values are written as empty fields. */
  public static String write(List<String> header, List<? extends List<?>> rows) {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
      printer.printRecord(header.stream().map(SpreadsheetCsv::neutralise));
      for (List<?> row : rows) {
        printer.printRecord(row.stream().map(SpreadsheetCsv::neutralise));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing CSV to a string", e);
    }
    return out.toString();
  }

  /** The value as a cell a spreadsheet shows as text and never evaluates. */
  static String neutralise(Object value) {
    if (value == null) {
      return "";
    }
    String oneLine =
        value
            .toString()
            .codePoints()
            .map(c -> Character.isISOControl(c) ? ' ' : c)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
    // A tab or carriage return at the start is a space by now; a spreadsheet may trim it, so the
    // first character after leading spaces decides.
    String start = oneLine.stripLeading();
    return !start.isEmpty() && FORMULA_START.indexOf(start.charAt(0)) >= 0
        ? "'" + oneLine
        : oneLine;
  }
}
