package org.revtrace.ingest.googleads;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revtrace.ingest.canonical.ImportResult;
import org.revtrace.ingest.connect.AdSource;
import org.revtrace.ingest.connect.CampaignMapping;
import org.revtrace.ingest.connect.DateRange;
import org.revtrace.ingest.connect.Fixtures;
import org.revtrace.ingest.http.ApiException;
import org.revtrace.ingest.http.ApiHttp;

/**
 * {@link GoogleAdsClient} and {@link GoogleOAuthTokens} against a WireMock token endpoint and
 * Google Ads API, with answers shaped after the REST reference (SearchStream batches, {@code
 * google.rpc.Status} errors with a {@code GoogleAdsFailure}).
 */
class GoogleAdsClientTest {

  private static final String STREAM = "/v26/customers/1234567890/googleAds:searchStream";
  private static final String DEVELOPER_TOKEN = "dev-Tok3n-abc";
  private static final String CLIENT_SECRET = "GOCSPX-client-secret-9";
  private static final String REFRESH_TOKEN = "1//refresh-secret-77";
  private static final String ACCESS_TOKEN = "ya29.first-access";
  private static final String NEW_ACCESS_TOKEN = "ya29.second-access";
  private static final DateRange MARCH = range("2025-03-01", "2025-03-02");

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
            Duration.ofSeconds(60));
    stubToken(ACCESS_TOKEN);
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private static DateRange range(String from, String to) {
    return new DateRange(LocalDate.parse(from), LocalDate.parse(to));
  }

  private void stubToken(String accessToken) {
    server.stubFor(
        post(urlPathEqualTo("/token"))
            .willReturn(
                okJson(
                    "{\"access_token\":\""
                        + accessToken
                        + "\",\"expires_in\":3599,\"scope\":\"https://www.googleapis.com/auth/adwords\","
                        + "\"token_type\":\"Bearer\"}")));
  }

  private GoogleOAuthTokens tokens(Clock clock) {
    return new GoogleOAuthTokens(
        http,
        URI.create(server.baseUrl() + "/token"),
        "client-id.apps.googleusercontent.com",
        CLIENT_SECRET,
        REFRESH_TOKEN,
        clock);
  }

  private GoogleAdsClient client(String currency, String loginCustomerId) {
    return new GoogleAdsClient(
        http,
        URI.create(server.baseUrl()),
        "v26",
        "123-456-7890",
        loginCustomerId,
        DEVELOPER_TOKEN,
        tokens(Clock.systemUTC()),
        currency,
        CampaignMapping.of(AdSource.GOOGLE_ADS));
  }

  @Test
  void searchStreamIsQueriedWithTheRefreshedTokenAndTheManagerHeader() {
    server.stubFor(
        post(urlPathEqualTo(STREAM))
            .withRequestBody(containing("FROM customer"))
            .willReturn(okJson(Fixtures.text("googleads/customer.json"))));
    server.stubFor(
        post(urlPathEqualTo(STREAM))
            .withRequestBody(containing("FROM campaign"))
            .willReturn(okJson(Fixtures.text("googleads/search-stream.json"))));
    GoogleAdsClient client = client(null, "987-654-3210");

    GoogleAdsClient.Customer customer = client.customer();
    ImportResult result = client.fetch(MARCH);

    assertThat(customer.currency()).isEqualTo("USD");
    assertThat(customer.zone()).isEqualTo(ZoneId.of("America/New_York"));
    assertThat(customer.name()).isEqualTo("Example B2B");
    // The file reader's rows exactly: micros rounded half-even per row, names → utm_campaign.
    assertThat(Fixtures.rows(result))
        .containsExactly(
            "2025-03-01 google_ads google/cpc/spring sale 2025 1000 42 12.35 USD",
            "2025-03-01 google_ads google/cpc/brand 10 0 0.00 USD",
            "2025-03-02 google_ads google/cpc/spring sale 2025 300 7 0.00 USD");
    assertThat(Fixtures.errors(result)).hasSize(3);
    assertThat(result.errors().get(0).file())
        .isEqualTo("googleads:searchStream 2025-03-01..2025-03-02");
    server.verify(
        1,
        postRequestedFor(urlPathEqualTo("/token"))
            .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
            .withRequestBody(containing("grant_type=refresh_token"))
            .withRequestBody(containing("refresh_token=1%2F%2Frefresh-secret-77"))
            .withRequestBody(containing("client_secret=GOCSPX-client-secret-9")));
    server.verify(
        postRequestedFor(urlPathEqualTo(STREAM))
            .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
            .withHeader("developer-token", equalTo(DEVELOPER_TOKEN))
            .withHeader("login-customer-id", equalTo("9876543210"))
            .withRequestBody(
                containing(
                    "metrics.cost_micros FROM campaign WHERE segments.date BETWEEN '2025-03-01'"
                        + " AND '2025-03-02'")));
  }

  @Test
  void rateLimitsAreRetriedAfterRetryAfter() {
    server.stubFor(
        post(urlPathEqualTo(STREAM))
            .inScenario("quota")
            .whenScenarioStateIs(STARTED)
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "7")
                    .withBody("{\"error\":{\"code\":429,\"status\":\"RESOURCE_EXHAUSTED\"}}"))
            .willSetStateTo("ok"));
    server.stubFor(
        post(urlPathEqualTo(STREAM))
            .inScenario("quota")
            .whenScenarioStateIs("ok")
            .willReturn(okJson(Fixtures.text("googleads/search-stream.json"))));

    ImportResult result = client("USD", null).fetch(MARCH);

    assertThat(waits).containsExactly(Duration.ofSeconds(7));
    assertThat(Fixtures.rows(result)).hasSize(3);
    server.verify(2, postRequestedFor(urlPathEqualTo(STREAM)).withoutHeader("login-customer-id"));
  }

  @Test
  void aRefusedAccessTokenIsRenewedOnce() {
    server.stubFor(
        post(urlPathEqualTo("/token"))
            .inScenario("tokens")
            .whenScenarioStateIs(STARTED)
            .willReturn(okJson("{\"access_token\":\"" + ACCESS_TOKEN + "\",\"expires_in\":3599}"))
            .willSetStateTo("second"));
    server.stubFor(
        post(urlPathEqualTo("/token"))
            .inScenario("tokens")
            .whenScenarioStateIs("second")
            .willReturn(
                okJson("{\"access_token\":\"" + NEW_ACCESS_TOKEN + "\",\"expires_in\":3599}")));
    server.stubFor(
        post(urlPathEqualTo(STREAM))
            .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody(
                        "{\"error\":{\"code\":401,\"message\":\"Request had invalid"
                            + " authentication credentials.\",\"status\":\"UNAUTHENTICATED\"}}")));
    server.stubFor(
        post(urlPathEqualTo(STREAM))
            .withHeader("Authorization", equalTo("Bearer " + NEW_ACCESS_TOKEN))
            .willReturn(okJson(Fixtures.text("googleads/search-stream.json"))));

    assertThat(Fixtures.rows(client("USD", null).fetch(MARCH))).hasSize(3);
    server.verify(2, postRequestedFor(urlPathEqualTo("/token")));
  }

  @Test
  void aLasting401NamesTheStatusButNoToken() {
    server.stubFor(
        post(urlPathEqualTo(STREAM))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody(
                        "{\"error\":{\"code\":401,\"message\":\"Request had invalid"
                            + " authentication credentials.\",\"status\":\"UNAUTHENTICATED\"}}")));

    assertThatThrownBy(() -> client("USD", null).fetch(MARCH))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("401")
        .hasMessageContaining("UNAUTHENTICATED")
        .satisfies(e -> assertNoSecret(e.getMessage()));
  }

  @Test
  void aPermissionErrorNamesTheGoogleAdsErrorAndRequestId() {
    server.stubFor(
        post(urlPathEqualTo(STREAM))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "application/json")
                    .withBody(Fixtures.text("googleads/error-permission.json"))));

    assertThatThrownBy(() -> client("USD", null).fetch(MARCH))
        .hasMessageContaining("(403)")
        .hasMessageContaining("authorizationError USER_PERMISSION_DENIED")
        .hasMessageContaining("login-customer-id")
        .hasMessageContaining("request id Zk9permission")
        .satisfies(e -> assertNoSecret(e.getMessage()));
  }

  @Test
  void anErrorInsideA200StreamFailsTheRead() {
    server.stubFor(
        post(urlPathEqualTo(STREAM))
            .willReturn(
                okJson(
                    "[{\"results\":[]},{\"error\":{\"code\":400,\"message\":\"Request contains"
                        + " an invalid argument.\",\"status\":\"INVALID_ARGUMENT\"}}]")));

    assertThatThrownBy(() -> client("USD", null).fetch(MARCH))
        .hasMessageContaining("stopped the stream")
        .hasMessageContaining("INVALID_ARGUMENT");
  }

  @Test
  void aRevokedRefreshTokenIsExplainedWithoutSecrets() {
    server.stubFor(
        post(urlPathEqualTo("/token"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":\"invalid_grant\",\"error_description\":\"Token has been"
                            + " expired or revoked.\"}")));

    assertThatThrownBy(() -> client("USD", null).fetch(MARCH))
        .hasMessageContaining("invalid_grant: Token has been expired or revoked.")
        .satisfies(e -> assertNoSecret(e.getMessage()));
    server.verify(0, postRequestedFor(urlPathEqualTo(STREAM)));
  }

  @Test
  void theAccessTokenIsKeptUntilAMinuteBeforeItExpires() {
    Instant now = Instant.parse("2025-03-03T10:00:00Z");
    GoogleOAuthTokens early = tokens(Clock.fixed(now, ZoneOffset.UTC));
    early.accessToken();
    early.accessToken();
    server.verify(1, postRequestedFor(urlPathEqualTo("/token")));

    // 3,599 s granted: kept through 3,538 s, renewed from 3,539 s (the last minute) on.
    MutableClock clock = new MutableClock(now);
    GoogleOAuthTokens late = tokens(clock);
    late.accessToken();
    clock.now = now.plusSeconds(3538);
    late.accessToken();
    server.verify(2, postRequestedFor(urlPathEqualTo("/token")));
    clock.now = now.plusSeconds(3539);
    late.accessToken();
    server.verify(3, postRequestedFor(urlPathEqualTo("/token")));
  }

  @Test
  void customerIdsAndVersionsAreChecked() {
    assertThatThrownBy(
            () ->
                new GoogleAdsClient(
                    http,
                    URI.create(server.baseUrl()),
                    "v26",
                    "12345-abc",
                    null,
                    DEVELOPER_TOKEN,
                    tokens(Clock.systemUTC()),
                    "USD",
                    CampaignMapping.of(AdSource.GOOGLE_ADS)))
        .hasMessageContaining("customer id is digits");
    assertThatThrownBy(
            () ->
                new GoogleAdsClient(
                    http,
                    URI.create(server.baseUrl()),
                    "26",
                    "1234567890",
                    null,
                    DEVELOPER_TOKEN,
                    tokens(Clock.systemUTC()),
                    "USD",
                    CampaignMapping.of(AdSource.GOOGLE_ADS)))
        .hasMessageContaining("version");
  }

  private static void assertNoSecret(String message) {
    assertThat(message)
        .doesNotContain(DEVELOPER_TOKEN)
        .doesNotContain(CLIENT_SECRET)
        .doesNotContain(REFRESH_TOKEN)
        .doesNotContain(ACCESS_TOKEN);
  }

  /** A clock the test moves. */
  private static final class MutableClock extends Clock {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
