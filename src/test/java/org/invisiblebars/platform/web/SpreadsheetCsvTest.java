package org.invisiblebars.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpreadsheetCsvTest {

  @ParameterizedTest(name = "{0} is written as {1}")
  @CsvSource(
      delimiter = '~',
      quoteCharacter = '"',
      value = {
        "=cmd|' /C calc'!A0~'=cmd|' /C calc'!A0",
        "+1+1~'+1+1",
        "-2+3~'-2+3",
        "@SUM(A1)~'@SUM(A1)",
        "\"  =1+1\"~\"'  =1+1\"",
        "lena~lena",
        "a=b~a=b",
        "2026-11-30T10:00:00Z~2026-11-30T10:00:00Z"
      })
  void aCellThatASpreadsheetWouldRunIsWrittenAsText(String value, String cell) throws IOException {
    assertThat(onlyRow(List.of("x"), List.of(Arrays.asList(value))).get(0)).isEqualTo(cell);
  }

  @Test
  void tabsAndLineBreaksCannotStartALineOrACell() throws IOException {
    String csv =
        SpreadsheetCsv.write(
            List.of("assignee", "group"),
            List.of(
                Arrays.asList("x\ny\n=cmd|' /C calc'!A0", "\t=1+1"), Arrays.asList("\r@x", null)));

    assertThat(csv.split("\r\n"))
        .containsExactly(
            "\"assignee\",\"group\"", "\"x y =cmd|' /C calc'!A0\",\"' =1+1\"", "\"' @x\",\"\"");
    List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
    assertThat(records).hasSize(3);
    assertThat(records.get(1).toList()).containsExactly("x y =cmd|' /C calc'!A0", "' =1+1");
  }

  @Test
  void quotesInsideAValueAreDoubled() throws IOException {
    String csv =
        SpreadsheetCsv.write(List.of("a", "b"), List.of(Arrays.asList("say \"hi\", then go", 42L)));

    assertThat(csv).endsWith("\"say \"\"hi\"\", then go\",\"42\"\r\n");
    assertThat(
            onlyRow(List.of("a", "b"), List.of(Arrays.asList("say \"hi\", then go", 42L))).toList())
        .containsExactly("say \"hi\", then go", "42");
  }

  private static CSVRecord onlyRow(List<String> header, List<List<?>> rows) throws IOException {
    List<CSVRecord> records =
        CSVFormat.RFC4180.parse(new StringReader(SpreadsheetCsv.write(header, rows))).getRecords();
    assertThat(records).hasSize(2);
    return records.get(1);
  }
}
