package org.revtrace.core.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.revtrace.core.dataset.Dataset;
import org.revtrace.core.dataset.Purchases;
import org.revtrace.core.testing.DataBuilder;

class CustomerSummaryTest {

  @Test
  void rebuildsThePublishedCdnowSummaryFromTheSample() {
    CustomerSummary rebuilt =
        CustomerSummary.of(
            Cdnow.purchases("CDNOW_sample.txt", 1, 2, 4), Cdnow.CALIBRATION_END, TimeScale.WEEKS);
    CustomerSummary published = Cdnow.summaryWithTransactions();

    assertThat(rebuilt.size()).isEqualTo(2357);
    int differing = 0;
    for (int i = 0; i < rebuilt.size(); i++) {
      assertThat(rebuilt.customer()[i]).isEqualTo(i);
      boolean same =
          rebuilt.frequency()[i] == published.frequency()[i]
              && round2(rebuilt.recency()[i]).equals(round2(published.recency()[i]))
              && round2(rebuilt.age()[i]).equals(round2(published.age()[i]))
              && round2(rebuilt.monetary()[i]).equals(round2(published.monetary()[i]));
      if (!same) {
        differing++;
      }
    }
    assertThat(differing).isZero();
  }

  @Test
  void mergesSameDayPurchasesAndIgnoresPurchasesAfterCalibration() {
    int day0 = (int) LocalDate.of(2025, 1, 1).toEpochDay();
    Purchases purchases =
        new Purchases(
            3,
            new int[] {0, 0, 0, 0, 1, 2},
            new int[] {day0, day0 + 7, day0 + 7, day0 + 40, day0 + 14, day0 + 35},
            new double[] {10, 5, 7, 100, 3, 9});
    CustomerSummary summary =
        CustomerSummary.of(purchases, LocalDate.of(2025, 1, 29), TimeScale.WEEKS);

    assertThat(summary.size()).isEqualTo(2);
    assertThat(summary.customer()).containsExactly(0, 1);
    assertThat(summary.frequency()).containsExactly(1, 0);
    assertThat(summary.recency()).containsExactly(1.0, 0.0);
    assertThat(summary.age()).containsExactly(4.0, 2.0);
    assertThat(summary.monetary()).containsExactly(12.0, 0.0);
  }

  @Test
  void summarisesDatasetAccountsByTheirPayments() {
    Dataset dataset =
        Dataset.of(
            new DataBuilder()
                .accountPayment("p1", null, "acme", 0.2, DataBuilder.rub("10"))
                .accountPayment("p2", null, "acme", 0.7, DataBuilder.rub("4"))
                .accountPayment("p3", null, "acme", 14.5, DataBuilder.rub("20"))
                .accountPayment("p4", null, "globex", 7.5, DataBuilder.rub("5"))
                .accountPayment("p5", null, "acme", 40, DataBuilder.rub("99"))
                .build(),
            "RUB");

    CustomerSummary summary =
        CustomerSummary.of(dataset, ZoneId.of("UTC"), LocalDate.of(2025, 1, 29), TimeScale.WEEKS);

    int acme = dataset.accounts().find("acme");
    assertThat(summary.customer()).containsExactly(acme, dataset.accounts().find("globex"));
    assertThat(summary.frequency()).containsExactly(1, 0);
    assertThat(summary.recency()).containsExactly(2.0, 0.0);
    assertThat(summary.age()).containsExactly(4.0, 3.0);
    assertThat(summary.monetary()).containsExactly(20.0, 0.0);
  }

  @Test
  void rejectsRecencyBeyondAge() {
    assertThatThrownBy(
            () ->
                CustomerSummary.of(
                    TimeScale.DAYS,
                    new int[] {1},
                    new double[] {5},
                    new double[] {4},
                    new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("t_x=5.0");
  }

  /**
   * Rounds half up at 2 decimals after clearing binary noise at 9, as the published file was
   * rounded (a mean of 18.135 is 18.14 there).
   */
  private static String round2(double value) {
    return BigDecimal.valueOf(value)
        .setScale(9, RoundingMode.HALF_EVEN)
        .setScale(2, RoundingMode.HALF_UP)
        .toPlainString();
  }
}
