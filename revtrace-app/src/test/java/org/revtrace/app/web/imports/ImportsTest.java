package org.revtrace.app.web.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.revtrace.app.web.RevtraceServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports through the API and the pages into a temporary embedded store, starting empty: the report
 * changes without a restart, a repeat changes nothing, bad rows are quarantined and listed,
 * fix-and-retry works, {@code check} writes nothing, viewers cannot upload, data are escaped.
 *
 * <p>The tests share one server and store, so each uses its own ids and compares before with after.
 */
@SpringBootTest(classes = RevtraceServer.class)
@AutoConfigureMockMvc
class ImportsTest {

  static final String SCRIPT = "<script>alert(1)</script>";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MockMvc mvc;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws IOException {
    String store = Files.createTempDirectory("revtrace-imports-test").resolve("pg").toString();
    registry.add("revtrace.db-dir", () -> store);
    registry.add("revtrace.import.demo-when-empty", () -> "false");
    registry.add("revtrace.admin-password", () -> "test-password-0123");
    registry.add("revtrace.api-token", () -> "rt_imports-token-0123456789abcdef");
  }

  static RequestPostProcessor analyst() {
    return user("analyst").roles("ANALYST");
  }

  static RequestPostProcessor viewer() {
    return user("viewer").roles("VIEWER");
  }

  static MockMultipartFile csv(String part, String name, String... lines) {
    return new MockMultipartFile(
        part, name, "text/csv", (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** Leads {@code prefix}1..{@code count}, plus touchpoints. */
  static MockMultipartFile leads(String prefix, int count) {
    List<String> lines = new ArrayList<>();
    lines.add("lead_id,created_at,contact_id,channel");
    for (int i = 1; i <= count; i++) {
      lines.add(prefix + i + ",2025-03-0" + (1 + i % 8) + "T12:00:00+03:00,c" + prefix + i + ",vk");
    }
    return csv("files", "leads.csv", lines.toArray(String[]::new));
  }

  JsonNode upload(RequestPostProcessor who, MockMultipartFile... files) throws Exception {
    return upload(who, false, files);
  }

  JsonNode upload(RequestPostProcessor who, boolean check, MockMultipartFile... files)
      throws Exception {
    MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/imports");
    for (MockMultipartFile file : files) {
      request.file(file);
    }
    if (check) {
      request.param("check", "true");
    }
    String body =
        mvc.perform(request.with(who).with(csrf()))
            .andExpect(status().is2xxSuccessful())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    return JSON.readTree(body);
  }

  long totalLeads() throws Exception {
    String body =
        mvc.perform(get("/api/v1/report").param("goal", "lead").with(viewer()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    return JSON.readTree(body).get("totals").get("leads").asLong();
  }

  JsonNode getJson(String path) throws Exception {
    return JSON.readTree(
        mvc.perform(get(path).with(viewer()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8));
  }

  @Test
  void uploadChangesTheReportWithoutRestartAndARepeatChangesNothing() throws Exception {
    long before = totalLeads();
    JsonNode first = upload(analyst(), leads("up", 3));
    assertThat(first.get("status").asString()).isEqualTo("imported");
    long batch = first.get("batch_id").asLong();
    assertThat(first.get("files").get(0).get("rows_kept").asLong()).isEqualTo(3);
    assertThat(totalLeads()).isEqualTo(before + 3);

    JsonNode again = upload(analyst(), leads("up", 3));
    assertThat(again.get("status").asString()).isEqualTo("already_imported");
    assertThat(again.get("batch_id").asLong()).isEqualTo(batch);
    assertThat(again.get("message").asString()).startsWith("already imported as batch " + batch);
    assertThat(totalLeads()).isEqualTo(before + 3);

    JsonNode listed = getJson("/api/v1/imports");
    assertThat(listed.get(0).get("id").asLong()).isGreaterThanOrEqualTo(batch);
    JsonNode datasets = getJson("/api/v1/datasets");
    assertThat(datasets.get("rows").get("leads").asLong()).isGreaterThanOrEqualTo(3);
    assertThat(datasets.get("data_version").get("last_batch_id").asLong())
        .isGreaterThanOrEqualTo(batch);
    assertThat(datasets.get("currencies").get(0).asString()).isEqualTo("RUB");
  }

  @Test
  void badRowsAreQuarantinedAndListedThenTheFixedFileGoesIn() throws Exception {
    long before = totalLeads();
    MockMultipartFile bad =
        csv(
            "files",
            "leads.csv",
            "lead_id,created_at,contact_id",
            "fix1,2025-03-02T12:00:00+03:00,cf1",
            "fix2,yesterday,cf2");
    JsonNode first = upload(analyst(), bad);
    assertThat(first.get("status").asString()).isEqualTo("imported");
    assertThat(first.get("files").get(0).get("rows_quarantined").asLong()).isEqualTo(1);
    JsonNode error = first.get("errors").get(0);
    assertThat(error.get("file").asString()).isEqualTo("leads.csv");
    assertThat(error.get("line").asLong()).isEqualTo(3);
    assertThat(error.get("field").asString()).isEqualTo("created_at");
    assertThat(error.get("code").asString()).isEqualTo("BAD_TIMESTAMP");
    assertThat(error.get("raw").asString()).isEqualTo("yesterday");
    assertThat(totalLeads()).isEqualTo(before + 1);

    long batch = first.get("batch_id").asLong();
    JsonNode stored = getJson("/api/v1/imports/" + batch);
    assertThat(stored.get("rows_quarantined").asLong()).isEqualTo(1);
    assertThat(stored.get("quarantine").get(0).get("code").asString()).isEqualTo("BAD_TIMESTAMP");
    assertThat(stored.get("quarantine").get(0).get("line").asLong()).isEqualTo(3);

    MockMultipartFile fixed =
        csv(
            "files",
            "leads.csv",
            "lead_id,created_at,contact_id",
            "fix2,2025-03-03T12:00:00+03:00,cf2");
    JsonNode retry = upload(analyst(), fixed);
    assertThat(retry.get("status").asString()).isEqualTo("imported");
    assertThat(retry.get("error_count").asInt()).isZero();
    assertThat(totalLeads()).isEqualTo(before + 2);
    assertThat(upload(analyst(), fixed).get("status").asString()).isEqualTo("already_imported");
    assertThat(totalLeads()).isEqualTo(before + 2);
  }

  /** The leads credited to {@code channel} in the lead report; 0 when it has no row. */
  double channelLeads(String channel) throws Exception {
    JsonNode report = getJson("/api/v1/report?goal=lead");
    for (JsonNode row : report.get("channels")) {
      if (row.get("channel").asString().equals(channel)) {
        return row.get("leads").asDouble();
      }
    }
    return 0;
  }

  String download(RequestPostProcessor who, String path) throws Exception {
    return mvc.perform(get(path).with(who))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith("text/csv"))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                .string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")))
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  @Test
  void theRejectedRowsAreDownloadedFixedAndUploadedAgain() throws Exception {
    String header = "touchpoint_id,occurred_at,channel,contact_id,campaign";
    MockMultipartFile leads =
        csv(
            "files",
            "leads.csv",
            "lead_id,created_at,contact_id",
            "rf1,2025-03-05T12:00:00+03:00,crf1",
            "rf2,2025-03-05T12:00:00+03:00,crf2",
            "rf3,2025-03-05T12:00:00+03:00,crf3");
    MockMultipartFile touches =
        csv(
            "files",
            "touchpoints.csv",
            header,
            "rt1,2025-03-04T10:00:00+03:00,fixkept,crf1,spring",
            "rt2,yesterday,fixretry,crf2,\"spring, \"\"promo\"\"\"",
            "rt3,04.03.2025 10:00,fixretry,crf3,=1+1");
    long touchesBefore = getJson("/api/v1/datasets").get("rows").get("touchpoints").asLong();
    JsonNode first = upload(analyst(), leads, touches);
    assertThat(first.get("status").asString()).isEqualTo("imported");
    assertThat(first.get("error_count").asInt()).isEqualTo(2);
    long batch = first.get("batch_id").asLong();
    assertThat(channelLeads("fixkept")).isEqualTo(1);
    assertThat(channelLeads("fixretry")).isZero();

    String page = page(viewer(), "/imports/" + batch);
    assertThat(page)
        .contains("id=\"rejected-help\"")
        .contains("href=\"/imports/" + batch + "/rejected/touchpoints.csv\"")
        .doesNotContain("/rejected/leads.csv");
    String rejected = download(viewer(), "/imports/" + batch + "/rejected/touchpoints.csv");
    assertThat(rejected)
        .as("the original header and the raw rows, not neutralised, CRLF")
        .isEqualTo(
            header
                + "\r\n"
                + "rt2,yesterday,fixretry,crf2,\"spring, \"\"promo\"\"\"\r\n"
                + "rt3,04.03.2025 10:00,fixretry,crf3,=1+1\r\n");
    assertThat(download(viewer(), "/api/v1/imports/" + batch + "/rejected/touchpoints.csv"))
        .isEqualTo(rejected);

    String fixedText =
        rejected
            .replace("yesterday", "2025-03-04T10:00:00+03:00")
            .replace("04.03.2025 10:00", "2025-03-04T11:00:00+03:00");
    MockMultipartFile fixed =
        new MockMultipartFile(
            "files", "touchpoints.csv", "text/csv", fixedText.getBytes(StandardCharsets.UTF_8));
    mvc.perform(multipart("/api/v1/imports").file(fixed).with(viewer()).with(csrf()))
        .andExpect(status().isForbidden());
    JsonNode retry = upload(analyst(), fixed);
    assertThat(retry.get("status").asString()).isEqualTo("imported");
    assertThat(retry.get("batch_id").asLong()).isGreaterThan(batch);
    assertThat(retry.get("error_count").asInt()).isZero();
    assertThat(retry.get("files").get(0).get("rows_quarantined").asLong()).isZero();
    assertThat(
            getJson("/api/v1/imports/" + retry.get("batch_id").asLong())
                .get("rows_quarantined")
                .asLong())
        .isZero();
    assertThat(getJson("/api/v1/datasets").get("rows").get("touchpoints").asLong())
        .isEqualTo(touchesBefore + 3);
    assertThat(channelLeads("fixretry"))
        .as("the fixed touches now credit their leads")
        .isEqualTo(2);
    assertThat(channelLeads("fixkept")).isEqualTo(1);
    mvc.perform(
            get("/imports/" + retry.get("batch_id").asLong() + "/rejected/touchpoints.csv")
                .with(viewer()))
        .andExpect(status().isNotFound());

    JsonNode again = upload(analyst(), fixed);
    assertThat(again.get("status").asString()).isEqualTo("already_imported");
    assertThat(again.get("batch_id").asLong()).isEqualTo(retry.get("batch_id").asLong());
    assertThat(channelLeads("fixretry")).isEqualTo(2);
  }

  @Test
  void onlyCanonicalFilesOfKnownBatchesAreServed() throws Exception {
    JsonNode first =
        upload(
            analyst(),
            csv("files", "leads.csv", "lead_id,created_at,contact_id", "nf1,never,cnf1"));
    long batch = first.get("batch_id").asLong();
    download(viewer(), "/imports/" + batch + "/rejected/leads.csv");
    for (String path :
        List.of(
            "/imports/999999/rejected/leads.csv",
            "/api/v1/imports/999999/rejected/leads.csv",
            "/imports/" + batch + "/rejected/touchpoints.csv",
            "/imports/" + batch + "/rejected/LEADS.CSV",
            "/imports/" + batch + "/rejected/leads",
            "/api/v1/imports/" + batch + "/rejected/errors.csv",
            "/imports/" + batch + "/rejected/..%2Fleads.csv")) {
      mvc.perform(get(path).with(viewer()))
          .andExpect(
              result -> assertThat(result.getResponse().getStatus()).as(path).isIn(400, 404));
    }
  }

  @Test
  void checkWritesNothing() throws Exception {
    long before = totalLeads();
    int batches = getJson("/api/v1/imports").size();
    JsonNode checked = upload(analyst(), true, leads("chk", 4));
    assertThat(checked.get("status").asString()).isEqualTo("checked");
    assertThat(checked.get("files").get(0).get("rows_kept").asLong()).isEqualTo(4);
    assertThat(getJson("/api/v1/imports").size()).isEqualTo(batches);
    assertThat(totalLeads()).isEqualTo(before);
  }

  @Test
  void viewersCannotUploadAndBadNamesAreProblems() throws Exception {
    mvc.perform(multipart("/api/v1/imports").file(leads("v", 1)).with(viewer()).with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(multipart("/imports").file(leads("v", 1)).with(viewer()).with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(
            multipart("/api/v1/imports")
                .file(csv("files", "people.csv", "a,b", "1,2"))
                .with(analyst())
                .with(csrf()))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(
            jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("unknown file name")));
    mvc.perform(
            multipart("/api/v1/imports")
                .file(csv("export", "crm.csv", "id,created", "1,2025-03-01"))
                .file(csv("mapping", "crm.yaml", "target: [unclosed"))
                .with(analyst())
                .with(csrf()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("bad mapping")));
  }

  @Test
  void reportsNeverFailWhileTheSnapshotRefreshes() throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<Integer>> readers = new ArrayList<>();
      for (int t = 0; t < 3; t++) {
        readers.add(
            pool.submit(
                () -> {
                  int reads = 0;
                  while (!stop.get() || reads == 0) {
                    totalLeads();
                    reads++;
                  }
                  return reads;
                }));
      }
      for (int i = 0; i < 4; i++) {
        upload(analyst(), leads("conc" + i + "x", 2));
      }
      stop.set(true);
      for (Future<Integer> reader : readers) {
        assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  String page(RequestPostProcessor who, String path) throws Exception {
    return mvc.perform(get(path).with(who))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  @Test
  void pagesUploadShowQuarantineAndEscapeEverything() throws Exception {
    MockMultipartFile touches =
        csv(
            "files",
            "touchpoints.csv",
            "touchpoint_id,occurred_at,channel,contact_id,campaign",
            "xss1,2025-03-02T10:00:00+03:00,vk,cx1," + SCRIPT,
            "xss2,not-a-time,vk,cx2," + SCRIPT);
    String result =
        mvc.perform(multipart("/imports").file(touches).with(analyst()).with(csrf()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(result)
        .contains("id=\"import-result\"")
        .contains("id=\"import-errors\"")
        .contains("BAD_TIMESTAMP")
        .contains("ISO-8601")
        .doesNotContain(SCRIPT);
    long batch = getJson("/api/v1/imports").get(0).get("id").asLong();

    String batchPage = page(viewer(), "/imports/" + batch);
    assertThat(batchPage)
        .contains("id=\"quarantine-table\"")
        .contains("not-a-time")
        .contains("touchpoints.csv")
        .doesNotContain(SCRIPT);
    String download =
        mvc.perform(get("/imports/" + batch + "/quarantine.csv").with(viewer()))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith("text/csv"))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(download).startsWith("file,line,field,code,raw,message").contains("not-a-time");

    String asViewer = page(viewer(), "/imports");
    assertThat(asViewer).contains("id=\"batches\"").doesNotContain("upload-form");
    String asAnalyst = page(analyst(), "/imports?lang=ru");
    assertThat(asAnalyst)
        .contains("id=\"upload-form\"")
        .contains("id=\"upload-files\"")
        .contains("name=\"_csrf\"")
        .contains("Пакеты")
        .doesNotContain(SCRIPT)
        .doesNotContain("??");
    mvc.perform(get("/imports/999999").with(viewer())).andExpect(status().isNotFound());
  }

  @Test
  void aPageUploadOfAnUnknownFileShowsTheProblem() throws Exception {
    String result =
        mvc.perform(
                multipart("/imports")
                    .file(csv("files", SCRIPT + ".csv", "a", "1"))
                    .with(analyst())
                    .with(csrf()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(result).contains("id=\"import-problem\"").doesNotContain(SCRIPT);
  }
}
