package org.revtrace.core.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.revtrace.core.attribution.ModelName;
import org.revtrace.core.dataset.Dataset;
import org.revtrace.core.model.CostCategory;
import org.revtrace.core.testing.DataBuilder;

/** The worked examples of the seed articles (PRODUCT.md), computed end to end from raw data. */
class SeedWorkedExamplesTest {

  private static Report report(DataBuilder data) {
    return ChannelReport.compute(
        Dataset.of(data.build(), "RUB"), ReportRequest.defaults().withModel(ModelName.LAST_TOUCH));
  }

  private static MetricRow channel(Report report, String name) {
    return report.channels().stream().filter(r -> r.key().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void seed002RevenueOneAndAHalfMillionOnHalfAMillionIsRoi200Percent() {
    DataBuilder data =
        new DataBuilder()
            .spend("yandex", 0, "500000.00", 0, 0)
            .touch("c1", "yandex", 0)
            .lead("L1", "c1", 1, -1, -1)
            .wonDeal("D1", "L1", "c1", 2, 10, "1500000.00");
    Report report = report(data);
    assertThat(report.totals().roi()).isEqualTo(2.0);
    assertThat(channel(report, "yandex").roi()).isEqualTo(2.0);
  }

  @Test
  void seed002WorkingAtZeroTurnsNegativeWithSalesSalaries() {
    // Spend 300,000 ₽, 400 leads, 5 clients at 50,000 ₽ on average.
    DataBuilder data = new DataBuilder().spend("vk", 0, "300000.00", 0, 0);
    for (int i = 0; i < 400; i++) {
      data.touch("c" + i, "vk", 1).lead("L" + i, "c" + i, 2, -1, -1);
    }
    String[] amounts = {"30000.00", "40000.00", "50000.00", "60000.00", "70000.00"};
    for (int i = 0; i < 5; i++) {
      data.wonDeal("D" + i, "L" + i, "c" + i, 3, 20, amounts[i]);
    }
    Report report = report(data);
    MetricRow vk = channel(report, "vk");
    assertThat(vk.cpl()).isEqualTo(75_000.0); // 750 ₽ in kopecks
    assertThat(vk.cac()).isEqualTo(6_000_000.0); // 60,000 ₽
    assertThat(vk.averageDeal()).isEqualTo(5_000_000.0); // 50,000 ₽
    assertThat(vk.revenue()).isEqualTo(25_000_000L); // 250,000 ₽
    assertThat(vk.roi()).isCloseTo(-1.0 / 6, within(1e-12)); // −16.7%
    assertThat(vk.romi()).isCloseTo(-1.0 / 6, within(1e-12));

    Report withSalaries = report(data.cost(CostCategory.SALES, 10, "100000.00", null));
    MetricRow vkWithSalaries = channel(withSalaries, "vk");
    assertThat(vkWithSalaries.roi()).isCloseTo(-0.375, within(1e-12)); // 250k on 400k
    assertThat(vkWithSalaries.romi()).isCloseTo(-1.0 / 6, within(1e-12)); // marketing only
    assertThat(vkWithSalaries.cac()).isEqualTo(8_000_000.0); // 400,000 ₽ ÷ 5
  }

  @Test
  void seed001MqlToSqlIs25Percent() {
    DataBuilder data = new DataBuilder();
    for (int i = 0; i < 200; i++) {
      data.touch("c" + i, "seo", 0).lead("L" + i, "c" + i, 1, 2, i < 50 ? 3 : -1);
    }
    Report report = report(data);
    assertThat(report.totals().mqls()).isEqualTo(200);
    assertThat(report.totals().sqls()).isEqualTo(50);
    assertThat(report.totals().mqlToSql()).isEqualTo(0.25);
  }

  @Test
  void seed001LtvOf300kOnCacOf100kIsThree() {
    DataBuilder data =
        new DataBuilder()
            .spend("webinars", 0, "100000.00", 0, 0)
            .touch("c1", "webinars", 0)
            .lead("L1", "c1", 1, -1, -1)
            .wonDeal("D1", "L1", "c1", 2, 10, "100000.00")
            .contact("c1", "acme")
            .payment("P1", "D1", 10, "100000.00")
            .payment("P2", "D1", 100, "100000.00")
            .payment("P3", "D1", 200, "100000.00");
    Report report = report(data);
    assertThat(report.totals().cac()).isEqualTo(10_000_000.0);
    assertThat(report.totals().ltv()).isEqualTo(30_000_000.0);
    assertThat(report.totals().ltvToCac()).isEqualTo(3.0);
  }

  @Test
  void seed001RepeatPurchasesOverAYearCountInRevenue() {
    DataBuilder data =
        new DataBuilder()
            .spend("google", 0, "1000000.00", 0, 0)
            .touch("c1", "google", 0)
            .lead("L1", "c1", 1, -1, -1)
            .wonDeal("D1", "L1", "c1", 2, 10, "1000000.00")
            .payment("P1", "D1", 10, "1000000.00")
            .payment("P2", "D1", 180, "1000000.00")
            .payment("P3", "D1", 360, "1000000.00");
    Report report = report(data);
    assertThat(report.totals().revenue()).isEqualTo(300_000_000L);
    assertThat(report.totals().roi()).isEqualTo(2.0);
  }

  @Test
  void seed003HealthyUnitEconomicsAreRecognisable() {
    MetricRow healthy = new MetricRow("x", 100, 100, 100, 0, 0, 10, 0, 0, 0, 1, 400, 400, 300, 1);
    assertThat(healthy.ltvToCac()).isGreaterThanOrEqualTo(3.0);
    assertThat(healthy.romi()).isPositive();
  }

  @Test
  void channelsAddUpToTotalsUnderSplitCredit() {
    DataBuilder data =
        new DataBuilder()
            .spend("a", 0, "1000.00", 100, 10)
            .spend("b", 0, "3000.00", 300, 30)
            .cost(CostCategory.AGENCY, 0, "999.99", null)
            .cost(CostCategory.MARKETING, 0, "100.01", "a");
    for (int i = 0; i < 7; i++) {
      data.touch("c" + i, "a", 0).touch("c" + i, "b", 1).touch("c" + i, "seo", 2);
      data.lead("L" + i, "c" + i, 3, 4, 5).wonDeal("D" + i, "L" + i, "c" + i, 6, 9, "1000.01");
    }
    Report report =
        ChannelReport.compute(
            Dataset.of(data.build(), "RUB"), ReportRequest.defaults().withModel(ModelName.LINEAR));
    long revenue = report.channels().stream().mapToLong(MetricRow::revenue).sum();
    long cost = report.channels().stream().mapToLong(MetricRow::acquisitionCost).sum();
    long marketing = report.channels().stream().mapToLong(MetricRow::marketingCost).sum();
    double customers = report.channels().stream().mapToDouble(MetricRow::customers).sum();
    assertThat(revenue).isEqualTo(report.totals().revenue()).isEqualTo(700_007L);
    assertThat(cost).isEqualTo(report.totals().acquisitionCost()).isEqualTo(510_000L);
    assertThat(marketing).isEqualTo(report.totals().marketingCost()).isEqualTo(410_001L);
    assertThat(customers).isCloseTo(7.0, within(1e-9));
  }
}
