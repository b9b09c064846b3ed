package org.revtrace.app.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.revtrace.app.Main;

/**
 * {@code connect metrica} and {@code sync} against a WireMock Logs API: the visits of the days
 * synced are stored as one batch, and the next sync re-reads the restatement window without storing
 * anything new.
 */
class MetricaConnectSyncTest {

  private static final String TOKEN = "y0_metrica-app-secret";
  private static final Map<String, String> ENVIRONMENT = Map.of("RT_METRICA", TOKEN);
  private static final String COUNTER = "/management/v1/counter/89986940";
  private static final String HEADER =
      "ym:s:visitID\tym:s:dateTime\tym:s:clientID\tym:s:startURL\tym:s:referer"
          + "\tym:s:lastTrafficSource\tym:s:lastAdvEngine\tym:s:lastSearchEngineRoot\n";
  private static final String VISITS =
      HEADER
          + "6510128715683594333\t2022-11-04 06:22:50\t791090144209\thttps://publichome-1.org/"
          + "\thttps://yandex.ru/search/?text=publichome\torganic\tya_undefined\tyandex\n"
          + "7012345678901234567\t2022-11-05 12:00:00\t1667000000123456789"
          + "\thttps://publichome-1.org/?yclid=4412345678\thttps://yandex.ru/\tad\tya_direct\t\n"
          + "7012345678901234999\t2022-11-05 25:61:00\t1667000000123456789\t\t\tdirect\t\t\n";

  @TempDir Path dir;

  private final WireMockServer server =
      new WireMockServer(WireMockConfiguration.options().dynamicPort());

  private record Run(int code, String out, String err) {}

  @BeforeEach
  void start() {
    server.start();
    server.stubFor(
        get(urlPathEqualTo(COUNTER + "/logrequests/evaluate"))
            .withHeader("Authorization", equalTo("OAuth " + TOKEN))
            .willReturn(
                okJson(
                    "{\"log_request_evaluation\":{\"possible\":true,"
                        + "\"max_possible_day_quantity\":365}}")));
    server.stubFor(
        post(urlPathEqualTo(COUNTER + "/logrequests"))
            .willReturn(okJson("{\"log_request\":{\"request_id\":42,\"status\":\"created\"}}")));
    server.stubFor(
        get(urlPathEqualTo(COUNTER + "/logrequest/42"))
            .willReturn(
                okJson(
                    "{\"log_request\":{\"request_id\":42,\"status\":\"processed\","
                        + "\"parts\":[{\"part_number\":0,\"size\":512}]}}")));
    server.stubFor(
        get(urlPathEqualTo(COUNTER + "/logrequest/42/part/0/download"))
            .willReturn(aResponse().withBody(VISITS)));
    server.stubFor(
        post(urlPathEqualTo(COUNTER + "/logrequest/42/clean"))
            .willReturn(
                okJson("{\"log_request\":{\"request_id\":42,\"status\":\"cleaned_by_user\"}}")));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), ENVIRONMENT, args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void connectTestsTheCounterWithAnEvaluation() throws IOException {
    Path config = dir.resolve("connections.yaml");
    Run connect =
        run(
            "connect",
            "metrica",
            "--name",
            "site",
            "--url",
            server.baseUrl(),
            "--set",
            "counter_id=89986940",
            "--set",
            "time_zone=Europe/Moscow",
            "--token-env",
            "RT_METRICA",
            "--config",
            config.toString());

    assertThat(connect.code()).as(connect.err()).isZero();
    assertThat(connect.out()).contains("OK: logrequests/evaluate answered").doesNotContain(TOKEN);
    assertThat(Files.readString(config)).contains("counter_id", "RT_METRICA").doesNotContain(TOKEN);
  }

  @Test
  void syncStoresTheVisitsAndTheNextSyncRereadsTheWindowWithoutANewBatch() throws IOException {
    Path config = dir.resolve("connections.yaml");
    Files.writeString(
        config,
        "connections:\n  - name: site\n    source: metrica\n    url: "
            + server.baseUrl()
            + "\n    counter_id: '89986940'\n    token_env: RT_METRICA\n"
            + "    time_zone: Europe/Moscow\n    first_day: '2022-11-04'\n"
            + "    last_day: '2022-11-06'\n    restatement_days: '3'\n");
    String db = dir.resolve("pg").toString();

    Run first = run("sync", "--config", config.toString(), "--db-dir", db);
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out())
        .contains("site: 3 read, 2 kept, 1 quarantined; batch 1;")
        .contains("logs:visits>=2022-11-05T21:00:00Z#2022-11-06")
        .doesNotContain(TOKEN);

    Run second = run("sync", "--name", "site", "--config", config.toString(), "--db-dir", db);
    assertThat(second.code()).as(second.err()).isZero();
    assertThat(second.out()).contains("batch 1 (already stored)");
    server.verify(
        2,
        postRequestedFor(urlPathEqualTo(COUNTER + "/logrequests"))
            .withQueryParam("date1", equalTo("2022-11-04"))
            .withQueryParam("date2", equalTo("2022-11-06")));
    server.verify(2, postRequestedFor(urlPathEqualTo(COUNTER + "/logrequest/42/clean")));
  }
}
