package org.revtrace.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Invariants of the planted model and of the locale-free CSV values. */
class DemoPropertiesTest {

  private final ConversionModel model =
      new ConversionModel(Catalog.BASE_RATE, new Catalog(549).lifts());

  @Property
  void addingAChannelNeverLowersTheWinProbability(
      @ForAll @LongRange(min = 0, max = (1L << 19) - 1) long mask,
      @ForAll @IntRange(min = 0, max = 18) int channel) {
    double with = model.probability(mask | 1L << channel);
    double without = model.probability(mask & ~(1L << channel));

    assertThat(with).isGreaterThanOrEqualTo(without).isLessThan(1.0);
    assertThat(without).isGreaterThanOrEqualTo(Catalog.BASE_RATE - 1e-12);
    assertThat(model.marginal(mask | 1L << channel, channel))
        .isCloseTo(with - without, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Property
  void timestampsRoundTripThroughOffsetDateTime(
      @ForAll @LongRange(min = 0, max = 4_102_444_800L) long epochSecond,
      @ForAll @IntRange(min = -12, max = 14) int offsetHours) {
    ZoneOffset offset = ZoneOffset.ofHours(offsetHours);
    String text = CsvValues.timestamp(epochSecond, offset);

    OffsetDateTime parsed = OffsetDateTime.parse(text);
    assertThat(parsed.toInstant()).isEqualTo(Instant.ofEpochSecond(epochSecond));
    assertThat(parsed.getOffset()).isEqualTo(offset);
    assertThat(text).hasSize(25);
  }

  @Property
  void moneyHasTwoDecimalsAndADot(@ForAll long minorUnits) {
    String text = CsvValues.money(minorUnits == Long.MIN_VALUE ? 0 : minorUnits);

    assertThat(text).matches("-?\\d+\\.\\d{2}");
    assertThat(new BigDecimal(text).movePointRight(2).longValueExact())
        .isEqualTo(minorUnits == Long.MIN_VALUE ? 0 : minorUnits);
  }

  @Property
  void russianAmountsDoNotParseAsDecimals(
      @ForAll @LongRange(min = 100_000, max = 10_000_000_000L) long minorUnits) {
    String text = CrmWriter.russianAmount(minorUnits);

    assertThat(text).contains(",").contains(" ");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new BigDecimal(text))
        .isInstanceOf(NumberFormatException.class);
  }
}
