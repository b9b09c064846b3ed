package org.revtrace.ingest.googleads;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.revtrace.ingest.http.ApiException;
import org.revtrace.ingest.http.ApiHttp;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Short-lived OAuth 2.0 access tokens for Google APIs, obtained from a long-lived refresh token
 * (RFC 6749 section 6): {@code POST} to the token endpoint with the form {@code
 * grant_type=refresh_token}, {@code client_id}, {@code client_secret}, {@code refresh_token}; the
 * answer's {@code access_token} is kept until one minute before its {@code expires_in}.
 *
 * <p>The form travels in the request body, which {@link ApiHttp} never prints; a refusal ({@code
 * invalid_grant}: the refresh token expired or was revoked; {@code invalid_client}) becomes an
 * {@link ApiException} naming the OAuth error code and description only.
 */
public final class GoogleOAuthTokens {

  /** Google's token endpoint. */
  public static final URI ENDPOINT = URI.create("https://oauth2.googleapis.com/token");

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration MARGIN = Duration.ofMinutes(1);

  private final ApiHttp http;
  private final URI endpoint;
  private final String clientId;
  private final String clientSecret;
  private final String refreshToken;
  private final Clock clock;
  private String accessToken;
  private Instant expiresAt;

  public GoogleOAuthTokens(
      ApiHttp http,
      URI endpoint,
      String clientId,
      String clientSecret,
      String refreshToken,
      Clock clock) {
    this.http = Objects.requireNonNull(http, "http");
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.clientId = Objects.requireNonNull(clientId, "clientId");
    this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
    this.refreshToken = Objects.requireNonNull(refreshToken, "refreshToken");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * A valid access token: the kept one, or a new one when none is kept or it is about to expire.
   */
  public synchronized String accessToken() {
    if (accessToken == null || !clock.instant().isBefore(expiresAt.minus(MARGIN))) {
      refresh();
    }
    return accessToken;
  }

  /** Forgets the kept token (the API refused it), so that the next call obtains a new one. */
  public synchronized void invalidate() {
    accessToken = null;
  }

  private void refresh() {
    String form =
        "grant_type=refresh_token&client_id="
            + encode(clientId)
            + "&client_secret="
            + encode(clientSecret)
            + "&refresh_token="
            + encode(refreshToken);
    ApiHttp.Answer answer;
    try {
      answer =
          http.send(
              ApiHttp.Call.post(
                  endpoint,
                  Map.of(
                      "Content-Type", "application/x-www-form-urlencoded",
                      "Accept", "application/json"),
                  form));
    } catch (ApiException e) {
      throw refused(e);
    }
    JsonNode token;
    try {
      token = JSON.readTree(answer.body());
    } catch (JacksonException e) {
      throw new ApiException(
          "the OAuth token endpoint answered " + answer.status() + " without JSON",
          answer.status(),
          null);
    }
    String value = token.path("access_token").asString("");
    if (value.isBlank()) {
      throw new ApiException(
          "the OAuth token endpoint answered " + answer.status() + " without an access_token",
          answer.status(),
          null);
    }
    long seconds = token.path("expires_in").asLong(3600);
    accessToken = value;
    expiresAt = clock.instant().plusSeconds(seconds);
  }

  /** The OAuth error of a refusal: code and description, which carry no secret. */
  private static ApiException refused(ApiException e) {
    if (e.status() < 400 || e.status() == 429 || e.status() >= 500) {
      return e;
    }
    String detail;
    try {
      JsonNode error = JSON.readTree(e.body());
      detail =
          error.path("error").asString("?")
              + (error.path("error_description").isString()
                  ? ": " + error.path("error_description").asString()
                  : "");
    } catch (RuntimeException notJson) {
      detail = "no OAuth error in the answer";
    }
    return new ApiException(
        "Google OAuth refused the refresh token ("
            + e.status()
            + " "
            + detail
            + "); check the client id and secret, or create a new refresh token",
        e.status(),
        e.body(),
        null);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
