package org.revtrace.core.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.revtrace.core.dataset.Dictionary;

class ClvTest {

  private static final BgNbd PURCHASES = new BgNbd(0.243, 4.414, 0.793, 2.426, Double.NaN);
  private static final GammaGamma SPEND = new GammaGamma(6.25, 3.74, 15.44, Double.NaN);

  private final CustomerSummary summary = Cdnow.summaryWithTransactions();

  @Test
  void withoutDiscountingIsExpectedValueTimesExpectedPurchasesOverTheHorizon() {
    double[] value = Clv.compute(PURCHASES, SPEND, summary, 12, 0);
    double weeks = 12 * TimeScale.WEEKS.perMonth();
    for (int i = 0; i < summary.size(); i += 97) {
      int x = summary.frequency()[i];
      double expected =
          SPEND.expectedValue(x, summary.monetary()[i])
              * PURCHASES.expectedPurchases(weeks, x, summary.recency()[i], summary.age()[i]);
      assertThat(value[i]).isCloseTo(expected, within(1e-9 * Math.max(1, expected)));
    }
  }

  @Test
  void discountingLowersValueAndAZeroHorizonIsWorthNothing() {
    double[] plain = Clv.compute(PURCHASES, SPEND, summary, 12, 0);
    double[] discounted = Clv.compute(PURCHASES, SPEND, summary, 12, 0.01);
    double[] none = Clv.compute(PURCHASES, SPEND, summary, 0, 0.01);
    for (int i = 0; i < summary.size(); i++) {
      assertThat(discounted[i]).isPositive().isLessThan(plain[i]);
      assertThat(none[i]).isZero();
    }
  }

  /**
   * Gamma-Gamma expected value: p(γ + x·zbar)/(px + q − 1), the population mean pγ/(q−1) at x = 0.
   */
  @Test
  void expectedValueWorkedExample() {
    assertThat(SPEND.expectedValue(0, 0)).isCloseTo(6.25 * 15.44 / 2.74, within(1e-12));
    assertThat(SPEND.expectedValue(2, 30))
        .isCloseTo(6.25 * (15.44 + 60) / (12.5 + 2.74), within(1e-12));
  }

  @Test
  void channelTotalsAddUpToTheCustomersWithAChannel() {
    Dictionary channels = new Dictionary();
    int seo = channels.encode("seo");
    int ads = channels.encode("ads");
    channels.encode("email");
    int[] channelOfCustomer = new int[summary.size()];
    for (int i = 0; i < channelOfCustomer.length; i++) {
      channelOfCustomer[i] = i % 3 == 0 ? seo : i % 3 == 1 ? ads : -1;
    }
    double[] value = Clv.compute(PURCHASES, SPEND, summary, 12, 0.01);

    List<ChannelValue> byChannel = Clv.byChannel(summary, value, channelOfCustomer, channels);

    assertThat(byChannel).extracting(ChannelValue::channel).containsExactly("ads", "email", "seo");
    double seoTotal = 0;
    for (int i = 0; i < value.length; i += 3) {
      seoTotal += value[i];
    }
    assertThat(byChannel.get(2).total()).isCloseTo(seoTotal, within(1e-6));
    assertThat(byChannel.get(2).customers()).isEqualTo((summary.size() + 2) / 3);
    assertThat(byChannel.get(1).customers()).isZero();
    assertThat(byChannel.get(1).mean()).isZero();
  }
}
