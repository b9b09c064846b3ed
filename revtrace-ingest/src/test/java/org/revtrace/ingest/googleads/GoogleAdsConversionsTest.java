package org.revtrace.ingest.googleads;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.revtrace.core.model.Spend;
import org.revtrace.ingest.canonical.ImportResult;
import org.revtrace.ingest.connect.AdSource;
import org.revtrace.ingest.connect.CampaignMapping;
import org.revtrace.ingest.connect.Fixtures;

/** Google Ads {@code metrics.conversions}: fractional, kept to hundredths rounded half up. */
class GoogleAdsConversionsTest {

  private static final CampaignMapping GOOGLE = CampaignMapping.of(AdSource.GOOGLE_ADS);

  private static final String STREAM =
      """
      [{"results": [
        {"campaign": {"id": "111", "name": "Spring"}, "segments": {"date": "2025-03-01"},
         "metrics": {"clicks": "42", "costMicros": "12345678", "conversions": 2.3333333333333335}},
        {"campaign": {"id": "111", "name": "Spring"}, "segments": {"date": "2025-03-02"},
         "metrics": {"clicks": "5", "costMicros": "1000000"}},
        {"campaign": {"id": "222", "name": "Brand"}, "segments": {"date": "2025-03-02"},
         "metrics": {"clicks": "1", "conversions": 0.125}},
        {"campaign": {"id": "222", "name": "Brand"}, "segments": {"date": "2025-03-03"},
         "metrics": {"clicks": "1", "conversions": -1}}
       ],
       "fieldMask": "campaign.id,campaign.name,segments.date,metrics.clicks,metrics.costMicros,\
      metrics.conversions"}]
      """;

  @Test
  void conversionsAreRoundedToHundredthsAndAnOmittedZeroIsZero() {
    ImportResult result = GoogleAdsApiRows.parse("stream.json", STREAM, "RUB", GOOGLE);

    assertThat(Fixtures.errors(result)).containsExactly("4 metrics.conversions NEGATIVE_VALUE");
    assertThat(result.data().spend())
        .extracting(Spend::conversions)
        .containsExactly(
            new BigDecimal("2.33"), BigDecimal.ZERO.setScale(2), new BigDecimal("0.13"));
  }

  @Test
  void anAnswerThatDidNotSelectConversionsLeavesThemUnreported() {
    ImportResult result =
        GoogleAdsApiRows.parse(
            "search-stream.json", Fixtures.text("googleads/search-stream.json"), "RUB", GOOGLE);

    assertThat(result.data().spend()).isNotEmpty();
    assertThat(result.data().spend()).extracting(Spend::conversions).containsOnlyNulls();
  }

  @Test
  void theUiReportsConversionsColumnIsRead() {
    String report =
        "Campaign report\nMarch 1, 2025 - March 2, 2025\n"
            + "Campaign,Day,Clicks,Cost,Conversions\n"
            + "Spring,2025-03-01,10,\"1,234.50\",3.50\n"
            + "Spring,2025-03-02,10,100.00,--\n";

    ImportResult result =
        GoogleAdsCampaignReport.parse(
            "ui.csv", report.getBytes(java.nio.charset.StandardCharsets.UTF_8), "RUB", GOOGLE);

    assertThat(result.errors()).isEmpty();
    assertThat(result.data().spend())
        .extracting(Spend::conversions)
        .containsExactly(new BigDecimal("3.50"), new BigDecimal("0.00"));
  }
}
