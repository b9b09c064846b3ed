package org.revtrace.core.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

class HypergeometricTest {

  /** ₂F₁(1, 1; 2; z) = −ln(1 − z) / z (Abramowitz &amp; Stegun 15.1.3). */
  @Property
  void matchesTheLogarithmClosedForm(@ForAll @DoubleRange(min = 0.01, max = 0.99) double z) {
    assertThat(Hypergeometric.f21(1, 1, 2, z))
        .isCloseTo(-Math.log1p(-z) / z, within(1e-12 * Math.max(1, -Math.log1p(-z) / z)));
  }

  /** ₂F₁(a, b; b; z) = (1 − z)^(−a) (Abramowitz &amp; Stegun 15.1.8). */
  @Property
  void matchesTheBinomialClosedForm(
      @ForAll @DoubleRange(min = 0.1, max = 20) double a,
      @ForAll @DoubleRange(min = 0.1, max = 20) double b,
      @ForAll @DoubleRange(min = 0, max = 0.9) double z) {
    double expected = Math.pow(1 - z, -a);
    assertThat(Hypergeometric.f21(a, b, b, z)).isCloseTo(expected, within(1e-10 * expected));
  }
}
