package org.revtrace.app.web.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.revtrace.app.cli.LoadedReports;
import org.revtrace.app.cli.ReportOptions;
import org.revtrace.app.web.DemoServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** CSV and XLSX exports: the report's numbers, numeric cells, and neutralised formulas. */
class ExportControllerTest extends DemoServerTest {

  private static final String FILTERS = "?model=first_touch&from=2025-01-01&to=2025-06-30";

  @Autowired MockMvc mvc;

  @Autowired LoadedReports reports;

  private MockHttpServletResponse export(String path) throws Exception {
    return mvc.perform(get(path).with(user("viewer").roles("VIEWER")))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse();
  }

  private JsonNode reportJson() {
    return JsonMapper.builder()
        .build()
        .readTree(
            reports.json(
                ReportOptions.json("first_touch", null, "2025-01-01", "2025-06-30", null, null)));
  }

  @Test
  void channelsCsvHasTheReportsNumbers() throws Exception {
    MockHttpServletResponse response = export("/export/channels.csv" + FILTERS);
    byte[] body = response.getContentAsByteArray();
    assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
    assertThat(response.getContentType()).startsWith("text/csv");
    assertThat(response.getHeader(HttpHeaders.CONTENT_DISPOSITION))
        .isEqualTo("attachment; filename=\"revtrace-channels-2025-01-01-2025-06-30.csv\"");
    List<List<String>> rows = csv(body);
    List<String> header = rows.get(0);
    JsonNode report = reportJson();
    List<JsonNode> expected = new ArrayList<>();
    report.get("channels").forEach(expected::add);
    expected.add(report.get("totals"));
    assertThat(rows).hasSize(expected.size() + 1);
    for (int r = 0; r < expected.size(); r++) {
      List<String> row = rows.get(r + 1);
      JsonNode json = expected.get(r);
      assertThat(row.get(0))
          .isEqualTo(r < expected.size() - 1 ? json.get("channel").asString() : "total");
      for (int c = 1; c < header.size(); c++) {
        assertSameNumber(row.get(c), json.get(header.get(c)), header.get(c));
      }
    }
  }

  private static void assertSameNumber(String cell, JsonNode expected, String column) {
    assertThat(expected).as(column).isNotNull();
    if (expected.isNull()) {
      assertThat(cell).as(column).isEmpty();
    } else {
      assertThat(new BigDecimal(cell)).as(column).isEqualByComparingTo(expected.decimalValue());
    }
  }

  @Test
  void channelsXlsxHasNumericCellsWithTheReportsNumbers() throws Exception {
    MockHttpServletResponse response = export("/export/channels.xlsx" + FILTERS);
    assertThat(response.getContentType()).startsWith(ExportController.XLSX.toString());
    Sheet sheet = Sheet.read(response.getContentAsByteArray());
    JsonNode totals = reportJson().get("totals");
    List<String> header = sheet.row(1);
    int last = sheet.rowCount();
    assertThat(sheet.row(last).get(0)).isEqualTo("total");
    for (String column : List.of("revenue", "spend", "roi", "romi", "cac", "leads", "ltv_to_cac")) {
      int c = header.indexOf(column);
      assertThat(sheet.isNumeric(last, c)).as(column).isTrue();
      assertThat(new BigDecimal(sheet.row(last).get(c)))
          .as(column)
          .isEqualByComparingTo(totals.get(column).decimalValue());
    }
  }

  /**
   * The hostile names as the importer keeps them: lower case, {@code +} read as a space (so {@code
   * +cmd} arrives as {@code cmd}, {@code -2+3} as {@code -2 3}); SpreadsheetTextTest covers every
   * dangerous first character.
   */
  private List<String> formulaCampaigns() {
    List<String> names =
        reports
            .report(ReportOptions.json(null, null, null, null, null, null))
            .campaignsByChannel()
            .get(CHANNEL)
            .stream()
            .map(row -> row.key())
            .filter(name -> "=+-@".indexOf(name.charAt(0)) >= 0)
            .toList();
    assertThat(names).contains("=hyperlink(\"http://evil.example\",\"x\")", "@sum(a1)", "-2 3");
    return names;
  }

  @Test
  void formulasInCampaignNamesAreNeutralisedAndNegativeNumbersStayNumbers() throws Exception {
    List<String> formulas = formulaCampaigns();
    List<List<String>> rows = csv(export("/export/campaigns.csv").getContentAsByteArray());
    List<String> header = rows.get(0);
    int campaign = header.indexOf("campaign");
    int romi = header.indexOf("romi");
    List<String> names = rows.stream().map(row -> row.get(campaign)).toList();
    for (String formula : formulas) {
      assertThat(names).contains("'" + formula).doesNotContain(formula);
    }
    List<String> hostile =
        rows.stream()
            .filter(row -> row.get(campaign).equals("'@sum(a1)"))
            .findFirst()
            .orElseThrow();
    assertThat(hostile.get(romi)).doesNotStartWith("'");
    assertThat(new BigDecimal(hostile.get(romi))).isEqualByComparingTo("-1");

    Sheet sheet = Sheet.read(export("/export/campaigns.xlsx").getContentAsByteArray());
    int found = 0;
    for (int r = 2; r <= sheet.rowCount(); r++) {
      String name = sheet.row(r).get(campaign);
      assertThat(formulas).doesNotContain(name);
      if (name.startsWith("'") && formulas.contains(name.substring(1))) {
        assertThat(sheet.isNumeric(r, romi)).isTrue();
        assertThat(new BigDecimal(sheet.row(r).get(romi))).isEqualByComparingTo("-1");
        found++;
      }
    }
    assertThat(found).isEqualTo(formulas.size());
    assertThat(sheet.xml()).doesNotContain("<f>");
  }

  @Test
  void everyTableExportsInBothFormats() throws Exception {
    for (String table : ExportController.TABLES) {
      List<List<String>> rows = csv(export("/export/" + table + ".csv").getContentAsByteArray());
      assertThat(rows).as(table).hasSizeGreaterThan(1);
      Sheet sheet = Sheet.read(export("/export/" + table + ".xlsx").getContentAsByteArray());
      assertThat(sheet.rowCount()).as(table).isEqualTo(rows.size());
      assertThat(sheet.row(1)).as(table).isEqualTo(rows.get(0));
    }
  }

  @Test
  void unknownTablesAndBadFiltersAreRefused() throws Exception {
    mvc.perform(get("/export/secrets.csv").with(user("v").roles("VIEWER")))
        .andExpect(status().isNotFound());
    String message =
        mvc.perform(get("/export/channels.csv?model=nope").with(user("v").roles("VIEWER")))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(message).startsWith("unknown model 'nope'");
    int anonymous =
        mvc.perform(get("/export/channels.csv").accept(MediaType.TEXT_HTML))
            .andReturn()
            .getResponse()
            .getStatus();
    assertThat(anonymous).as("login redirect or 401, never the file").isIn(302, 401);
  }

  private static List<List<String>> csv(byte[] body) throws IOException {
    String text = new String(body, StandardCharsets.UTF_8).substring(1);
    List<List<String>> rows = new ArrayList<>();
    try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(text)) {
      reader.forEach(record -> rows.add(record.getFields()));
    }
    return rows;
  }

  /** The first worksheet of an XLSX file, read from its XML: cell texts and which are numbers. */
  private record Sheet(String xml, Map<Integer, List<String>> rows, Map<String, Boolean> numeric) {

    private static final Pattern ROW = Pattern.compile("<row r=\"(\\d+)\"[^>]*>(.*?)</row>");
    private static final Pattern CELL =
        Pattern.compile("<c r=\"([A-Z]+)(\\d+)\"([^>]*?)(?:/>|>(.*?)</c>)");
    private static final Pattern SHARED = Pattern.compile("<si><t[^>]*>(.*?)</t></si>");

    static Sheet read(byte[] xlsx) throws IOException {
      Map<String, String> files = new HashMap<>();
      Path file = Files.createTempFile("revtrace-export", ".xlsx");
      try {
        Files.write(file, xlsx);
        try (ZipFile zip = new ZipFile(file.toFile())) {
          for (ZipEntry entry : Collections.list(zip.entries())) {
            files.put(
                entry.getName(),
                new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
          }
        }
      } finally {
        Files.delete(file);
      }
      List<String> shared = new ArrayList<>();
      Matcher si = SHARED.matcher(files.getOrDefault("xl/sharedStrings.xml", ""));
      while (si.find()) {
        shared.add(unescape(si.group(1)));
      }
      String xml = files.get("xl/worksheets/sheet1.xml");
      Map<Integer, List<String>> rows = new HashMap<>();
      Map<String, Boolean> numeric = new HashMap<>();
      Matcher row = ROW.matcher(xml);
      while (row.find()) {
        List<String> cells = new ArrayList<>();
        Matcher cell = CELL.matcher(row.group(2));
        while (cell.find()) {
          int column = columnIndex(cell.group(1));
          while (cells.size() < column) {
            cells.add("");
          }
          String attributes = cell.group(3);
          String content = cell.group(4) == null ? "" : cell.group(4);
          String value = content.replaceAll(".*<v>(.*)</v>.*", "$1");
          if (attributes.contains("t=\"s\"")) {
            value = shared.get(Integer.parseInt(value));
          } else if (attributes.contains("t=\"inlineStr\"")) {
            value = unescape(content.replaceAll(".*<t[^>]*>(.*)</t>.*", "$1"));
          } else if (!content.contains("<v>")) {
            value = "";
          } else {
            numeric.put(row.group(1) + ":" + column, true);
          }
          cells.add(value);
        }
        rows.put(Integer.parseInt(row.group(1)), cells);
      }
      return new Sheet(xml, rows, numeric);
    }

    int rowCount() {
      return rows.size();
    }

    /** Row {@code r} (1-based, as in the sheet), cells padded to the header's width. */
    List<String> row(int r) {
      List<String> cells = new ArrayList<>(rows.get(r));
      while (cells.size() < rows.get(1).size()) {
        cells.add("");
      }
      return cells;
    }

    boolean isNumeric(int r, int column) {
      return numeric.getOrDefault(r + ":" + column, false);
    }

    private static int columnIndex(String letters) {
      int index = 0;
      for (char letter : letters.toCharArray()) {
        index = index * 26 + (letter - 'A' + 1);
      }
      return index - 1;
    }

    private static String unescape(String xml) {
      return xml.replace("&lt;", "<")
          .replace("&gt;", ">")
          .replace("&quot;", "\"")
          .replace("&apos;", "'")
          .replace("&amp;", "&");
    }
  }
}
