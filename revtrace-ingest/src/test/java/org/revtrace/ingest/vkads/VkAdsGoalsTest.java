package org.revtrace.ingest.vkads;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.revtrace.core.model.Spend;
import org.revtrace.ingest.canonical.ImportResult;
import org.revtrace.ingest.connect.AdSource;
import org.revtrace.ingest.connect.CampaignMapping;
import org.revtrace.ingest.connect.Fixtures;

/** VK Ads {@code base.goals} (goals reached) fill the platform-reported conversions. */
class VkAdsGoalsTest {

  @Test
  void goalsAreTheConversions() {
    ImportResult result =
        VkAdsStatistics.parse(
            "day.json",
            Fixtures.text("vkads/statistics-day.json"),
            "RUB",
            CampaignMapping.of(AdSource.VK_ADS),
            Map.of());

    assertThat(result.errors()).isEmpty();
    assertThat(result.data().spend())
        .extracting(Spend::clicks, Spend::conversions)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(30L, new BigDecimal("1.00")),
            org.assertj.core.groups.Tuple.tuple(0L, new BigDecimal("0.00")),
            org.assertj.core.groups.Tuple.tuple(4L, new BigDecimal("0.00")));
  }

  @Test
  void rowsWithoutGoalsLeaveThemUnreported() {
    String json =
        """
        {"items": [{"id": 7, "rows": [
          {"date": "2025-03-01", "base": {"shows": 10, "clicks": 1, "spent": "5.00"}}]}]}
        """;

    ImportResult result =
        VkAdsStatistics.parse(
            "day.json", json, "RUB", CampaignMapping.of(AdSource.VK_ADS), Map.of());

    assertThat(result.data().spend().get(0).conversions()).isNull();
  }
}
