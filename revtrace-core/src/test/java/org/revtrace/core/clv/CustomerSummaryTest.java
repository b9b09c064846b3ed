package org.revtrace.core.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.revtrace.core.dataset.Purchases;

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
