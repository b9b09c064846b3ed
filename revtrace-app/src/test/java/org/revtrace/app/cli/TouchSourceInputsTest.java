package org.revtrace.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.revtrace.app.Main;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code --ga4} and {@code --calls} feed touchpoints into {@code report} and {@code import}. */
class TouchSourceInputsTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  private Path write(String file, String... lines) throws IOException {
    Path path = dir.resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return path;
  }

  private void seed() throws IOException {
    write(
        "data/leads.csv",
        "lead_id,created_at,contact_id,phone",
        "L1,2025-03-03T12:00:00+03:00,C1,8 916 123-45-67",
        "L2,2025-03-04T09:00:00+03:00,C2,",
        "L3,2025-03-05T10:00:00+03:00,,+7 (903) 555-66-77");
    write(
        "ga4.csv",
        "event_timestamp,event_name,user_pseudo_id,user_id,ga_session_id,page_location,"
            + "collected_traffic_source.manual_source,collected_traffic_source.manual_medium",
        "1740996000000000,session_start,1026454.4271112504,C2,1740996000,https://example.ru/,vk,cpc");
    write(
        "calls.csv",
        "call_id,started_at,caller_phone,duration_seconds,status",
        // L1's number, two hours before its lead
        "c-1,2025-03-03T10:00:00+03:00,+7 (916) 123-45-67,120,answered",
        // L3's number, five minutes after its lead (CRM clock ahead): within the tolerance
        "c-2,2025-03-05T10:05:00+03:00,89035556677,60,answered",
        "c-3,2025-03-05T11:00:00+03:00,+7 999 000-00-01,0,missed");
  }

  private Map<String, Double> leadsByChannel() {
    JsonNode json = JsonMapper.builder().build().readTree(out.toString());
    Map<String, Double> leads = new HashMap<>();
    json.get("channels")
        .forEach(
            channel ->
                leads.put(channel.get("channel").asString(), channel.get("leads").asDouble()));
    return leads;
  }

  @Test
  void callsMatchedByPhoneAndGa4SessionsAreCreditedForTheLeads() throws IOException {
    seed();
    int code =
        run(
            "report",
            "--data",
            dir.resolve("data").toString(),
            "--ga4",
            dir.resolve("ga4.csv").toString(),
            "--calls",
            dir.resolve("calls.csv") + "=generic",
            "--goal",
            "lead",
            "--model",
            "last_touch",
            "--format",
            "json");

    assertThat(code).as(err.toString()).isZero();
    assertThat(leadsByChannel()).containsEntry("calls", 2.0).containsEntry("paid_social", 1.0);
    assertThat(err.toString())
        .contains("3 calls: 2 matched to leads by phone, 1 unmatched (0 without a phone)");
  }

  @Test
  void aNarrowerWindowLeavesTheEarlierCallUnmatched() throws IOException {
    seed();
    int code =
        run(
            "report",
            "--data",
            dir.resolve("data").toString(),
            "--calls",
            dir.resolve("calls.csv").toString(),
            "--call-lead-before-minutes",
            "0",
            "--goal",
            "lead",
            "--model",
            "last_touch",
            "--format",
            "json");

    assertThat(code).as(err.toString()).isZero();
    assertThat(leadsByChannel()).containsEntry("calls", 1.0);
    assertThat(err.toString()).contains("3 calls: 1 matched to leads by phone, 2 unmatched");
  }

  @Test
  void importQuarantinesBadCallRowsAndNamesUnknownPresets() throws IOException {
    seed();
    write(
        "bad-calls.csv",
        "id,start_time,contact_phone_number,is_lost,direction",
        "1,2025-03-03 10:00:00,79161234567,false,in",
        "2,someday,79161234567,false,in",
        "3,2025-03-03 11:00:00,79161234567,false,out");
    int code =
        run(
            "import",
            "--data",
            dir.resolve("data").toString(),
            "--calls",
            dir.resolve("bad-calls.csv") + "=uis",
            "--source-zone",
            "bad-calls.csv=Europe/Moscow",
            "--quarantine",
            dir.resolve("q").toString());

    assertThat(code).isEqualTo(ExitCodes.DATA_ERRORS);
    assertThat(out.toString()).contains("bad-calls.csv: 2 rows, 1 kept, 1 quarantined");
    assertThat(err.toString())
        .contains("bad-calls.csv:3: start_time BAD_TIMESTAMP 'someday'")
        .contains("1 outgoing calls skipped");
    assertThat(Files.list(dir.resolve("q")).map(path -> path.getFileName().toString()))
        .anyMatch(name -> name.contains("bad-calls"));

    int unknown =
        run(
            "report",
            "--data",
            dir.resolve("data").toString(),
            "--calls",
            dir.resolve("calls.csv") + "=zadarma");
    assertThat(unknown).isEqualTo(ExitCodes.BAD_ARGUMENTS);
    assertThat(err.toString()).contains("unknown call-log preset 'zadarma'");
  }
}
