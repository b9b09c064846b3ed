package org.revtrace.ingest.googleads;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.revtrace.core.model.ErrorCode;
import org.revtrace.ingest.canonical.FileStats;
import org.revtrace.ingest.canonical.ImportResult;
import org.revtrace.ingest.connect.AdSource;
import org.revtrace.ingest.connect.CampaignMapping;
import org.revtrace.ingest.connect.Fixtures;

class GoogleAdsConnectorTest {

  private static final CampaignMapping GOOGLE = CampaignMapping.of(AdSource.GOOGLE_ADS);

  @Test
  void searchStreamRowsBecomeSpendWithMicrosRoundedHalfEven() {
    ImportResult result =
        GoogleAdsApiRows.parse(
            "searchStream", Fixtures.text("googleads/search-stream.json"), "USD", GOOGLE);

    assertThat(Fixtures.rows(result))
        .containsExactly(
            "2025-03-01 google_ads google/cpc/spring sale 2025 1000 42 12.35 USD",
            "2025-03-01 google_ads google/cpc/brand 10 0 0.00 USD",
            // 5,000 micros = 0.005 USD: half-even rounds the tie to 0.00
            "2025-03-02 google_ads google/cpc/spring sale 2025 300 7 0.00 USD");
    assertThat(Fixtures.errors(result))
        .containsExactly(
            "4 segments.date BAD_DATE",
            "4 metrics.clicks BAD_NUMBER",
            "4 metrics.costMicros NEGATIVE_VALUE");
    assertThat(result.errors().get(0).file()).isEqualTo("googleads:searchStream");
    FileStats stats = result.files().get(0);
    assertThat(stats.rowsRead()).isEqualTo(4);
    assertThat(stats.rowsKept()).isEqualTo(3);
    assertThat(result.quarantine().get(0).rows()).hasSize(1);
  }

  @Test
  void theRealFivetranCampaignStatsReconcileToTheCent() throws Exception {
    String stats =
        Files.readString(
            Fixtures.shared("ad-crm-exports", "google-ads-fivetran", "campaign_stats_data.csv"),
            StandardCharsets.UTF_8);
    Map<String, String> names =
        FivetranCampaignStats.campaignNames(
            Files.readString(
                Fixtures.shared(
                    "ad-crm-exports", "google-ads-fivetran", "campaign_history_data.csv"),
                StandardCharsets.UTF_8));

    ImportResult result =
        FivetranCampaignStats.parse("campaign_stats_data.csv", stats, "USD", GOOGLE, names);

    assertThat(result.errors()).isEmpty();
    assertThat(result.files().get(0).rowsRead()).isEqualTo(16);
    assertThat(result.data().spend()).hasSize(16);
    // sum of cost_micros in the file: 231,330,000 = 231.33 USD
    assertThat(Fixtures.total(result, "USD").minor()).isEqualTo(23133);
    assertThat(result.data().spend().stream().mapToLong(s -> s.impressions()).sum())
        .isEqualTo(1854);
    assertThat(result.data().spend().stream().mapToLong(s -> s.clicks()).sum()).isEqualTo(280);
    assertThat(result.data().spend().get(0).utm().campaign()).isEqualTo("zj9ytjsxtiwreowwkz3kww==");
    assertThat(Fixtures.rows(result))
        .contains("2021-02-01 google_ads google/cpc/zj9ytjsxtiwreowwkz3kww== 166 49 36.15 USD");
  }

  @Test
  void englishUiReportSkipsTotalsAndReconciles() {
    ImportResult result =
        GoogleAdsCampaignReport.parse(
            "campaign-report-en.csv",
            Fixtures.bytes("googleads/campaign-report-en.csv"),
            "USD",
            GOOGLE);

    assertThat(result.errors()).isEmpty();
    assertThat(Fixtures.rows(result))
        .containsExactly(
            "2025-03-01 google_ads google/cpc/spring sale 2025 1234 56 1078.90 USD",
            "2025-03-02 google_ads google/cpc/spring sale 2025 987 12 21.10 USD",
            "2025-03-01 google_ads google/cpc/brand 0 0 0.00 USD");
    assertThat(Fixtures.total(result, "USD").minor()).isEqualTo(110000);
  }

  @Test
  void russianUiReportWithDecimalCommaAndIdOverride() {
    ImportResult result =
        GoogleAdsCampaignReport.parse(
            "campaign-report-ru.csv",
            Fixtures.bytes("googleads/campaign-report-ru.csv"),
            "RUB",
            CampaignMapping.of(AdSource.GOOGLE_ADS, Map.of("222", "Brand_Q1")));

    assertThat(result.errors()).isEmpty();
    assertThat(Fixtures.rows(result))
        .containsExactly(
            "2025-03-01 google_ads google/cpc/весенняя распродажа 12345 560 10789.50 RUB",
            "2025-03-02 google_ads google/cpc/весенняя распродажа 987 12 210.55 RUB",
            "2025-03-01 google_ads google/cpc/brand_q1 10 1 0.95 RUB");
    assertThat(Fixtures.total(result, "RUB").minor()).isEqualTo(1100100);
  }

  @Test
  void malformedUiRowsAreQuarantinedAndTheTotalMismatchReported() {
    ImportResult result =
        GoogleAdsCampaignReport.parse(
            "bad.csv", Fixtures.bytes("googleads/campaign-report-bad.csv"), "USD", GOOGLE);

    assertThat(Fixtures.errors(result))
        .containsExactly(
            "3 Cost BAD_NUMBER",
            "4 Day BAD_DATE",
            "5 Campaign MISSING_VALUE",
            "6 Impr. NEGATIVE_VALUE",
            "8 cost TOTAL_MISMATCH");
    assertThat(result.files().get(0).rowsRead()).isEqualTo(5);
    assertThat(result.files().get(0).rowsKept()).isEqualTo(1);
    assertThat(Fixtures.has(result, ErrorCode.TOTAL_MISMATCH)).isTrue();
  }

  @Test
  void aReportWithoutTheDaySegmentIsRejectedAsAWhole() {
    byte[] csv = "Campaign,Cost\nSpring,10.00\n".getBytes(StandardCharsets.UTF_8);

    ImportResult result = GoogleAdsCampaignReport.parse("no-day.csv", csv, "USD", GOOGLE);

    assertThat(Fixtures.errors(result)).containsExactly("1 Day MISSING_COLUMN");
    assertThat(result.data().spend()).isEmpty();
  }
}
