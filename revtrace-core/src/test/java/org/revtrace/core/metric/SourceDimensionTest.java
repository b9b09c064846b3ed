package org.revtrace.core.metric;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.revtrace.core.attribution.ModelName;
import org.revtrace.core.dataset.Dataset;
import org.revtrace.core.dataset.Dimension;
import org.revtrace.core.model.CanonicalData;
import org.revtrace.core.model.Cost;
import org.revtrace.core.model.CostCategory;
import org.revtrace.core.model.Lead;
import org.revtrace.core.model.Money;
import org.revtrace.core.model.Spend;
import org.revtrace.core.model.TouchType;
import org.revtrace.core.model.Touchpoint;
import org.revtrace.core.model.Utm;

/** A report by UTM source gathers the channels that share a source. */
class SourceDimensionTest {

  private static Touchpoint touch(String id, String contact, String channel, String source) {
    return new Touchpoint(
        id,
        Instant.parse("2025-02-01T10:00:00Z"),
        channel,
        null,
        contact,
        null,
        TouchType.AD_CLICK,
        new Utm(source, "cpc", "brand", null, null),
        null,
        null);
  }

  private static Lead lead(String id, String contact) {
    return new Lead(
        id,
        Instant.parse("2025-02-02T10:00:00Z"),
        contact,
        null,
        null,
        null,
        null,
        null,
        Utm.NONE,
        null,
        null,
        null);
  }

  @Test
  void sourcesAggregateTheirChannelsAndCostsAreSpreadBySpend() {
    LocalDate day = LocalDate.of(2025, 2, 1);
    CanonicalData data =
        new CanonicalData(
            List.of(
                new Spend(
                    day,
                    "yandex_direct",
                    new Utm("yandex", "cpc", "brand", null, null),
                    0,
                    0,
                    Money.parse("300.00", "RUB")),
                new Spend(
                    day,
                    "yandex_display",
                    new Utm("yandex", "cpm", "brand", null, null),
                    0,
                    0,
                    Money.parse("100.00", "RUB")),
                new Spend(
                    day,
                    "vk_ads",
                    new Utm("vk", "cpc", "brand", null, null),
                    0,
                    0,
                    Money.parse("100.00", "RUB"))),
            List.of(
                touch("t1", "a", "yandex_direct", "yandex"),
                touch("t2", "b", "yandex_display", "yandex"),
                touch("t3", "c", "vk_ads", "vk")),
            List.of(lead("L1", "a"), lead("L2", "b"), lead("L3", "c")),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(new Cost(day, CostCategory.AGENCY, Money.parse("50.00", "RUB"), "vk_ads")),
            List.of());
    Report report =
        ChannelReport.compute(
            Dataset.of(data, "RUB"),
            ReportRequest.defaults()
                .withModel(ModelName.LAST_TOUCH)
                .withDimension(Dimension.SOURCE));
    assertThat(report.channels()).extracting(MetricRow::key).containsExactly("vk", "yandex");
    MetricRow vk = report.channels().get(0);
    MetricRow yandex = report.channels().get(1);
    assertThat(yandex.leads()).isEqualTo(2.0);
    assertThat(yandex.spend()).isEqualTo(40_000);
    assertThat(vk.leads()).isEqualTo(1.0);
    // the channel-tied agency fee is spread by source spend: 4/5 to yandex, 1/5 to vk
    assertThat(yandex.acquisitionCost()).isEqualTo(44_000);
    assertThat(vk.acquisitionCost()).isEqualTo(11_000);
    assertThat(report.totals().acquisitionCost()).isEqualTo(55_000);
    assertThat(report.campaignsByChannel()).isEmpty();
  }
}
