package org.revtrace.ingest.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiHttpTest {

  private final WireMockServer server =
      new WireMockServer(WireMockConfiguration.options().dynamicPort());
  private final List<Duration> waits = new ArrayList<>();
  private ApiHttp http;

  @BeforeEach
  void start() {
    server.start();
    http =
        new ApiHttp(
            HttpClient.newHttpClient(),
            waits::add,
            4,
            Duration.ofSeconds(1),
            Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void rateLimitsAreRetriedAfterTheServersRetryAfter() {
    server.stubFor(
        get("/report")
            .inScenario("limit")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3"))
            .willSetStateTo("second"));
    server.stubFor(
        get("/report")
            .inScenario("limit")
            .whenScenarioStateIs("second")
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("third"));
    server.stubFor(
        get("/report").inScenario("limit").whenScenarioStateIs("third").willReturn(ok("done")));

    ApiHttp.Answer answer = http.send(ApiHttp.Call.get(uri("/report"), Map.of()));

    assertThat(answer.body()).isEqualTo("done");
    assertThat(waits).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(2));
  }

  @Test
  void aClientErrorFailsAtOnceWithoutTheTokenInTheMessage() {
    server.stubFor(
        get(urlPathEqualTo("/leads"))
            .willReturn(aResponse().withStatus(401).withBody("bad token")));

    assertThatThrownBy(
            () ->
                http.send(
                    ApiHttp.Call.get(
                        uri("/leads?auth=secret-query-token"),
                        Map.of("Authorization", "Bearer secret-header-token"))))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("GET http://localhost:" + server.port() + "/leads answered 401")
        .hasMessageNotContaining("secret");
    assertThat(waits).isEmpty();
    server.verify(1, getRequestedFor(urlPathEqualTo("/leads")));
  }

  @Test
  void attemptsRunOutWithTheLastStatusAndACappedBackoff() {
    server.stubFor(get("/down").willReturn(aResponse().withStatus(502)));

    assertThatThrownBy(() -> http.send(ApiHttp.Call.get(uri("/down"), Map.of())))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("still answered 502 after 4 attempts")
        .extracting(error -> ((ApiException) error).status())
        .isEqualTo(502);
    assertThat(waits)
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
  }

  private URI uri(String path) {
    return URI.create(server.baseUrl() + path);
  }
}
