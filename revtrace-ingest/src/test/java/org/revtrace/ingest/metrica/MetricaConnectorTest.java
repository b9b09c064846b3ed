package org.revtrace.ingest.metrica;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revtrace.core.model.ErrorCode;
import org.revtrace.core.model.RowError;
import org.revtrace.core.model.Touchpoint;
import org.revtrace.core.model.Utm;
import org.revtrace.ingest.canonical.ImportResult;
import org.revtrace.ingest.connect.DateRange;
import org.revtrace.ingest.connect.SyncCursor;
import org.revtrace.ingest.connect.SyncResult;
import org.revtrace.ingest.http.ApiException;
import org.revtrace.ingest.http.ApiHttp;
import org.revtrace.ingest.normalize.ChannelGrouping;
import org.revtrace.ingest.normalize.UtmNormalizer;

/**
 * The Logs API flow against WireMock (evaluate, create, poll, download parts, clean), visits shaped
 * after Airbyte's recorded Metrica sessions, and the day cursor.
 */
class MetricaConnectorTest {

  private static final String TOKEN = "y0_metrica-secret-77";
  private static final String COUNTER = "/management/v1/counter/89986940";
  private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

  private final WireMockServer server =
      new WireMockServer(WireMockConfiguration.options().dynamicPort());
  private final List<Duration> waits = new ArrayList<>();
  private MetricaLogsApi api;
  private final MetricaVisits visits =
      new MetricaVisits(new UtmNormalizer(), ChannelGrouping.defaults(), MOSCOW, "last");

  @BeforeEach
  void start() {
    server.start();
    ApiHttp http =
        new ApiHttp(
            HttpClient.newHttpClient(),
            waits::add,
            4,
            Duration.ofSeconds(1),
            Duration.ofSeconds(60));
    api =
        new MetricaLogsApi(
            http,
            waits::add,
            URI.create(server.baseUrl()),
            TOKEN,
            "89986940",
            5,
            Duration.ofSeconds(10));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private static String fixture(String name) {
    try (InputStream in = MetricaConnectorTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String request(String status, String parts) {
    return "{\"log_request\":{\"request_id\":777,\"counter_id\":89986940,\"source\":\"visits\","
        + "\"date1\":\"2022-09-19\",\"date2\":\"2022-11-06\",\"fields\":[],\"status\":\""
        + status
        + "\",\"size\":2048,\"parts\":["
        + parts
        + "],\"attribution\":\"LAST\"}}";
  }

  private void stubLog(String finalStatus) {
    server.stubFor(
        get(urlPathEqualTo(COUNTER + "/logrequests/evaluate"))
            .willReturn(
                okJson(
                    "{\"log_request_evaluation\":{\"possible\":true,"
                        + "\"max_possible_day_quantity\":400}}")));
    server.stubFor(
        post(urlPathEqualTo(COUNTER + "/logrequests"))
            .inScenario("create")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3"))
            .willSetStateTo("limited"));
    server.stubFor(
        post(urlPathEqualTo(COUNTER + "/logrequests"))
            .inScenario("create")
            .whenScenarioStateIs("limited")
            .willReturn(okJson(request("created", ""))));
    server.stubFor(
        get(urlPathEqualTo(COUNTER + "/logrequest/777"))
            .inScenario("poll")
            .whenScenarioStateIs(STARTED)
            .willReturn(okJson(request("created", "")))
            .willSetStateTo("done"));
    server.stubFor(
        get(urlPathEqualTo(COUNTER + "/logrequest/777"))
            .inScenario("poll")
            .whenScenarioStateIs("done")
            .willReturn(
                okJson(
                    request(
                        finalStatus,
                        "{\"part_number\":0,\"size\":1500},{\"part_number\":1,\"size\":548}"))));
    server.stubFor(
        get(urlPathEqualTo(COUNTER + "/logrequest/777/part/0/download"))
            .willReturn(aResponse().withBody(fixture("visits-part0.tsv"))));
    server.stubFor(
        get(urlPathEqualTo(COUNTER + "/logrequest/777/part/1/download"))
            .willReturn(aResponse().withBody(fixture("visits-part1.tsv"))));
    server.stubFor(
        post(urlPathEqualTo(COUNTER + "/logrequest/777/clean"))
            .willReturn(okJson(request("cleaned_by_user", ""))));
  }

  @Test
  void aLogIsEvaluatedCreatedPolledDownloadedByPartsAndCleaned() {
    stubLog("processed");
    DateRange range = new DateRange(LocalDate.parse("2022-09-19"), LocalDate.parse("2022-11-06"));

    List<String> parts = api.visits(range, visits.fields());

    assertThat(parts).hasSize(2);
    assertThat(waits)
        .as("429 Retry-After, then a wait before each of the two status checks")
        .containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(10), Duration.ofSeconds(10));
    server.verify(
        postRequestedFor(urlPathEqualTo(COUNTER + "/logrequests"))
            .withHeader("Authorization", equalTo("OAuth " + TOKEN))
            .withQueryParam("date1", equalTo("2022-09-19"))
            .withQueryParam("date2", equalTo("2022-11-06"))
            .withQueryParam("source", equalTo("visits"))
            .withQueryParam("fields", equalTo(String.join(",", visits.fields()))));
    server.verify(1, postRequestedFor(urlPathEqualTo(COUNTER + "/logrequest/777/clean")));
  }

  @Test
  void visitsBecomeTouchpointsWithChannelsFromTagsClickIdsAndTrafficSources() {
    ImportResult result =
        visits.parse(
            List.of("part0", "part1"),
            List.of(fixture("visits-part0.tsv"), fixture("visits-part1.tsv")));
    Map<String, Touchpoint> touches =
        result.data().touchpoints().stream()
            .collect(Collectors.toMap(Touchpoint::id, Function.identity()));

    Touchpoint direct = touches.get("metrica:5495667461753405793");
    assertThat(direct.channel()).isEqualTo("direct");
    assertThat(direct.visitorId()).isEqualTo("16636011071037673047");
    assertThat(direct.occurredAt())
        .as("11:25:07 in the counter's zone (Moscow) is Airbyte's 08:25:07 UTC")
        .isEqualTo(Instant.parse("2022-09-19T08:25:07Z"));
    Touchpoint organic = touches.get("metrica:6510128715683594333");
    assertThat(organic.channel()).isEqualTo("organic_search");
    assertThat(organic.utm()).isEqualTo(new Utm("yandex", "organic", null, null, null));
    assertThat(organic.referrer()).endsWith("пабликхом");
    assertThat(touches.get("metrica:5495680737647526199").channel()).isEqualTo("referral");
    Touchpoint yclid = touches.get("metrica:7012345678901234567");
    assertThat(yclid.channel()).isEqualTo("paid_search");
    assertThat(yclid.utm().source()).isEqualTo("yandex");
    Touchpoint vk = touches.get("metrica:7012345678901234568");
    assertThat(vk.channel()).isEqualTo("paid_social");
    assertThat(vk.utm().campaign()).isEqualTo("spring");
    assertThat(touches.get("metrica:7012345678901234570").channel()).isEqualTo("email");
    assertThat(touches).hasSize(6);

    assertThat(result.errors())
        .extracting(RowError::file, RowError::line, RowError::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("part0", 7L, ErrorCode.BAD_TIMESTAMP),
            org.assertj.core.groups.Tuple.tuple("part0", 8L, ErrorCode.DUPLICATE_ID));
  }

  @Test
  void aFailedOrCanceledLogIsAnErrorWithoutTheToken() {
    stubLog("processing_failed");
    DateRange range = new DateRange(LocalDate.parse("2022-09-19"), LocalDate.parse("2022-09-19"));

    assertThatThrownBy(() -> api.visits(range, visits.fields()))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("ended as processing_failed")
        .message()
        .doesNotContain(TOKEN);
  }

  @Test
  void aRangeOverTheQuotaIsSplitIntoChunksTheApiAccepts() {
    stubLog("processed");
    server.stubFor(
        get(urlPathEqualTo(COUNTER + "/logrequests/evaluate"))
            .withQueryParam("date2", equalTo("2022-09-23"))
            .willReturn(
                okJson(
                    "{\"log_request_evaluation\":{\"possible\":false,"
                        + "\"max_possible_day_quantity\":3}}")));
    DateRange range = new DateRange(LocalDate.parse("2022-09-19"), LocalDate.parse("2022-09-23"));

    List<String> parts = api.visits(range, visits.fields());

    assertThat(parts).hasSize(4);
    server.verify(
        postRequestedFor(urlPathEqualTo(COUNTER + "/logrequests"))
            .withQueryParam("date1", equalTo("2022-09-19"))
            .withQueryParam("date2", equalTo("2022-09-21")));
    server.verify(
        postRequestedFor(urlPathEqualTo(COUNTER + "/logrequests"))
            .withQueryParam("date1", equalTo("2022-09-22"))
            .withQueryParam("date2", equalTo("2022-09-23")));
  }

  @Test
  void aRefusedRequestNamesTheApisMessage() {
    server.stubFor(
        get(urlPathEqualTo(COUNTER + "/logrequests/evaluate"))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withBody(
                        "{\"errors\":[{\"error_type\":\"access_denied\",\"message\":\"Access is"
                            + " denied\"}],\"code\":403,\"message\":\"Access is denied\"}")));
    DateRange range = new DateRange(LocalDate.parse("2022-09-19"), LocalDate.parse("2022-09-19"));

    assertThatThrownBy(() -> api.visits(range, visits.fields()))
        .hasMessageContaining("(403): access_denied Access is denied")
        .message()
        .doesNotContain(TOKEN);
  }

  @Test
  void theDayCursorRereadsTheRestatementWindowAndNeverReadsToday() {
    MetricaSync sync = new MetricaSync(api, visits, MOSCOW, LocalDate.parse("2022-09-01"), 3);
    SyncCursor initial = SyncCursor.initial(MetricaSync.SOURCE, MetricaSync.ENTITY);
    SyncCursor afterSep20 =
        new SyncCursor(
            MetricaSync.SOURCE,
            MetricaSync.ENTITY,
            LocalDate.parse("2022-09-20").atStartOfDay(MOSCOW).toInstant(),
            "2022-09-20");

    assertThat(sync.nextRange(initial, LocalDate.parse("2022-09-20")))
        .contains(new DateRange(LocalDate.parse("2022-09-01"), LocalDate.parse("2022-09-20")));
    assertThat(sync.nextRange(afterSep20, LocalDate.parse("2022-09-22")))
        .as("three days again, then the new ones")
        .contains(new DateRange(LocalDate.parse("2022-09-18"), LocalDate.parse("2022-09-22")));
    assertThat(sync.nextRange(afterSep20, LocalDate.parse("2022-09-17"))).isEmpty();
    assertThat(
            new MetricaSync(api, visits, MOSCOW, LocalDate.parse("2022-09-01"), 0)
                .nextRange(afterSep20, LocalDate.parse("2022-09-20")))
        .as("without restatement a synced day is not read again")
        .isEmpty();
  }

  @Test
  void aSyncReadsTheRangeAndMovesTheCursorToItsLastDay() {
    stubLog("processed");
    MetricaSync sync = new MetricaSync(api, visits, MOSCOW, LocalDate.parse("2022-09-19"), 3);

    SyncResult result = sync.sync(List.of(), LocalDate.parse("2022-11-06"));

    assertThat(result.result().data().touchpoints()).hasSize(6);
    SyncCursor next = result.cursor(MetricaSync.SOURCE, MetricaSync.ENTITY);
    assertThat(next.lastId()).isEqualTo("2022-11-06");
    assertThat(next.modifiedAt()).isEqualTo(Instant.parse("2022-11-05T21:00:00Z"));
    assertThat(result.result().files())
        .extracting(stats -> stats.file())
        .containsExactly(
            "metrica:visits 2022-09-19..2022-11-06 part 0",
            "metrica:visits 2022-09-19..2022-11-06 part 1");
  }
}
