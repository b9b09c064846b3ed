package org.revtrace.core.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.revtrace.core.attribution.ModelName;
import org.revtrace.core.dataset.Dataset;
import org.revtrace.core.testing.DataBuilder;

/** ROI by tier (seed 000): segment counts are the buyers' own, costs follow the credited leads. */
class SegmentReportTest {

  private static Dataset data() {
    return Dataset.of(
        new DataBuilder()
            .account("acme", "retail", "51-200", "Moscow", "A")
            .account("beta", "it", "11-50", "Kazan", "B")
            .contact("a1", "acme")
            .contact("b1", "beta")
            .contact("b2", "beta")
            .spend("yandex", 0, "300.00", 3000, 30)
            .touch("a1", "yandex", 1)
            .touch("b1", "yandex", 1)
            .touch("b2", "seo", 1)
            .lead("La", "a1", 2, -1, -1)
            .lead("Lb1", "b1", 2, -1, -1)
            .lead("Lb2", "b2", 2, -1, -1)
            .wonDeal("Da", "La", "a1", 3, 10, "1000.00")
            .wonDeal("Db", "Lb1", "b1", 3, 10, "500.00")
            .build(),
        "RUB");
  }

  @Test
  void roiByTier() {
    List<MetricRow> rows =
        SegmentReport.compute(
            data(), ReportRequest.defaults().withModel(ModelName.LAST_TOUCH), Segment.TIER);
    assertThat(rows).extracting(MetricRow::key).containsExactly("A", "B");
    MetricRow a = rows.get(0);
    MetricRow b = rows.get(1);
    // yandex's 300 ₽ follow its credited leads: one in tier A, one in tier B
    assertThat(a.spend()).isEqualTo(15_000);
    assertThat(b.spend()).isEqualTo(15_000);
    assertThat(a.leads()).isEqualTo(1.0);
    assertThat(b.leads()).isEqualTo(2.0);
    assertThat(a.revenue()).isEqualTo(100_000);
    assertThat(a.roi()).isCloseTo((1000.0 - 150) / 150, within(1e-12));
    assertThat(b.roi()).isCloseTo((500.0 - 150) / 150, within(1e-12));
    assertThat(a.impressions() + b.impressions()).isEqualTo(3000);
  }

  @Test
  void costsWithoutLeadsStayUnallocatedAndRowsAddUpToTheTotals() {
    Dataset data =
        Dataset.of(
            new DataBuilder()
                .account("acme", "retail", "51-200", "Moscow", "A")
                .contact("a1", "acme")
                .spend("vk", 0, "99.99", 0, 0)
                .spend("yandex", 0, "300.00", 0, 0)
                .touch("a1", "yandex", 1)
                .lead("La", "a1", 2, -1, -1)
                .build(),
            "RUB");
    ReportRequest request = ReportRequest.defaults().withModel(ModelName.LINEAR);
    List<MetricRow> rows = SegmentReport.compute(data, request, Segment.INDUSTRY);
    assertThat(rows).extracting(MetricRow::key).containsExactly("(unallocated)", "retail");
    assertThat(rows.get(0).spend()).isEqualTo(9_999);
    long spend = rows.stream().mapToLong(MetricRow::spend).sum();
    assertThat(spend).isEqualTo(ChannelReport.compute(data, request).totals().spend());
  }

  @Test
  void dealsWithoutAProductAndLeadsFallInNone() {
    List<MetricRow> rows = SegmentReport.compute(data(), ReportRequest.defaults(), Segment.PRODUCT);
    assertThat(rows).extracting(MetricRow::key).containsExactly("(none)");
    assertThat(rows.get(0).customers()).isEqualTo(2.0);
  }
}
