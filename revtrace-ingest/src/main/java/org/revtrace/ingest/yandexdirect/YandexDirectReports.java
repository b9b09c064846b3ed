package org.revtrace.ingest.yandexdirect;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.revtrace.ingest.canonical.ImportResult;
import org.revtrace.ingest.connect.CampaignMapping;
import org.revtrace.ingest.connect.DateRange;
import org.revtrace.ingest.connect.SpendCursor;
import org.revtrace.ingest.connect.SpendReader;
import org.revtrace.ingest.connect.SyncBatch;
import org.revtrace.ingest.http.ApiException;
import org.revtrace.ingest.http.ApiHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fetches the daily {@code CAMPAIGN_PERFORMANCE_REPORT} of one Yandex Direct account from the
 * Reports API v5 ({@code POST https://api.direct.yandex.com/json/v5/reports}).
 *
 * <p>The request carries {@code Authorization: Bearer <token>}, {@code Client-Login} (for agency
 * accounts), {@code processingMode: auto}, {@code skipReportHeader}/{@code skipReportSummary:
 * false} (so the row count is reconciled) and money in micros (the default). The server answers 201
 * (queued) or 202 (being built) with a {@code retryIn} header in seconds: the same request is sent
 * again after that wait (through the injected pause, so tests do not sleep), at most {@code
 * maxPolls} times; 200 carries the TSV. A 400 becomes an {@link ApiException} naming the API's
 * {@code error_code}, {@code error_string} and {@code error_detail}; rate limits and server errors
 * are retried by {@link ApiHttp}. Neither the token nor the headers appear in any message.
 */
public final class YandexDirectReports implements SpendReader {

  /** The production endpoint. */
  public static final URI ENDPOINT = URI.create("https://api.direct.yandex.com/json/v5/reports");

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final List<String> FIELDS =
      List.of("Date", "CampaignId", "CampaignName", "Impressions", "Clicks", "Cost", "Conversions");

  private final ApiHttp http;
  private final ApiHttp.Pause pause;
  private final URI endpoint;
  private final String token;
  private final String clientLogin;
  private final String currency;
  private final CampaignMapping mapping;
  private final boolean includeVat;
  private final int maxPolls;

  /**
   * @param clientLogin the advertiser's login (agency accounts), or null for the token's own
   *     account
   * @param currency the account currency
   * @param includeVat whether Cost includes VAT ({@code IncludeVAT})
   * @param maxPolls how many 201/202 answers to wait through before giving up
   */
  public YandexDirectReports(
      ApiHttp http,
      ApiHttp.Pause pause,
      URI endpoint,
      String token,
      String clientLogin,
      String currency,
      CampaignMapping mapping,
      boolean includeVat,
      int maxPolls) {
    this.http = http;
    this.pause = pause;
    this.endpoint = endpoint;
    this.token = token;
    this.clientLogin = clientLogin;
    this.currency = currency;
    this.mapping = mapping;
    this.includeVat = includeVat;
    this.maxPolls = maxPolls;
  }

  /** The spend of {@code range} and the cursor after it. */
  public SyncBatch sync(SpendCursor cursor, DateRange range) {
    return new SyncBatch(range, fetch(range), cursor.after(range));
  }

  /** The spend rows of the days in {@code range}. */
  @Override
  public ImportResult fetch(DateRange range) {
    ApiHttp.Call call = ApiHttp.Call.post(endpoint, headers(), definition(range));
    for (int poll = 0; ; poll++) {
      ApiHttp.Answer answer;
      try {
        answer = http.send(call);
      } catch (ApiException e) {
        throw e.status() == 400 ? explained(e) : e;
      }
      if (answer.status() == 200) {
        return YandexDirectReport.parse(
            "reports " + range.from() + ".." + range.to(),
            answer.body().getBytes(StandardCharsets.UTF_8),
            currency,
            true,
            mapping);
      }
      if (answer.status() != 201 && answer.status() != 202) {
        throw new ApiException(
            "Yandex Direct Reports answered " + answer.status() + " instead of a report",
            answer.status(),
            answer.body(),
            null);
      }
      if (poll >= maxPolls) {
        throw new ApiException(
            "Yandex Direct report for "
                + range.from()
                + ".."
                + range.to()
                + " was still being built after "
                + maxPolls
                + " waits",
            answer.status(),
            answer.body(),
            null);
      }
      wait(retryIn(answer));
    }
  }

  private Map<String, String> headers() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "Bearer " + token);
    if (clientLogin != null && !clientLogin.isBlank()) {
      headers.put("Client-Login", clientLogin);
    }
    headers.put("Accept-Language", "en");
    headers.put("Content-Type", "application/json; charset=utf-8");
    headers.put("processingMode", "auto");
    headers.put("returnMoneyInMicros", "true");
    headers.put("skipReportHeader", "true");
    headers.put("skipReportSummary", "false");
    return headers;
  }

  /**
   * The report definition. The report name must be unique per set of parameters in the account, so
   * it is derived from them: the same range and VAT setting reuse one report.
   */
  String definition(DateRange range) {
    ObjectNode params = JSON.createObjectNode();
    ObjectNode criteria = params.putObject("SelectionCriteria");
    criteria.put("DateFrom", range.from().toString());
    criteria.put("DateTo", range.to().toString());
    FIELDS.forEach(params.putArray("FieldNames")::add);
    params.put(
        "ReportName",
        "revtrace campaign conversions "
            + range.from()
            + " "
            + range.to()
            + (includeVat ? " vat" : ""));
    params.put("ReportType", "CAMPAIGN_PERFORMANCE_REPORT");
    params.put("DateRangeType", "CUSTOM_DATE");
    params.put("Format", "TSV");
    params.put("IncludeVAT", includeVat ? "YES" : "NO");
    ObjectNode root = JSON.createObjectNode();
    root.set("params", params);
    return JSON.writeValueAsString(root);
  }

  private static Duration retryIn(ApiHttp.Answer answer) {
    String value = answer.header("retryIn").orElse("").strip();
    return value.matches("\\d{1,5}")
        ? Duration.ofSeconds(Long.parseLong(value))
        : Duration.ofSeconds(5);
  }

  private void wait(Duration duration) {
    try {
      pause.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException("interrupted while the report was being built", 0, e);
    }
  }

  private static ApiException explained(ApiException e) {
    String detail;
    try {
      JsonNode error = JSON.readTree(e.body()).path("error");
      detail =
          "error "
              + error.path("error_code").asString("?")
              + " "
              + error.path("error_string").asString("")
              + ": "
              + error.path("error_detail").asString("");
    } catch (RuntimeException notJson) {
      detail = e.getMessage();
    }
    return new ApiException(
        "Yandex Direct rejected the report request (400), " + detail, 400, e.body(), e);
  }
}
