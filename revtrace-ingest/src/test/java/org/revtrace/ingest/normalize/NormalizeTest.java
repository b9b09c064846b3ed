package org.revtrace.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.revtrace.core.model.CanonicalData;
import org.revtrace.core.model.ErrorCode;
import org.revtrace.core.model.Lead;
import org.revtrace.core.model.Money;
import org.revtrace.core.model.Rate;
import org.revtrace.core.model.TouchType;
import org.revtrace.core.model.Utm;

/** Worked examples of UTM cleanup, channel grouping and currency conversion, and idempotence. */
class NormalizeTest {

  private final UtmNormalizer utms = new UtmNormalizer();
  private final ChannelGrouping grouping = ChannelGrouping.defaults();

  @Test
  void utmCleanup() {
    assertThat(utms.source("  \"Yandex.RU\" ")).isEqualTo("yandex");
    assertThat(utms.source("ya")).isEqualTo("yandex");
    assertThat(utms.source("vkontakte")).isEqualTo("vk");
    assertThat(utms.source("t.me")).isEqualTo("telegram");
    assertThat(utms.medium("PPC")).isEqualTo("cpc");
    assertThat(utms.medium("e-mail")).isEqualTo("email");
    assertThat(utms.medium("social-paid")).isEqualTo("paid_social");
    assertThat(UtmNormalizer.clean("Spring%20Sale+2025")).isEqualTo("spring sale 2025");
    assertThat(UtmNormalizer.clean("%D0%B2%D0%B5%D1%81%D0%BD%D0%B0")).isEqualTo("весна");
    assertThat(UtmNormalizer.clean("a \t\n  b")).isEqualTo("a b");
    assertThat(UtmNormalizer.clean("   ")).isNull();
  }

  @Test
  void defaultChannelGrouping() {
    assertThat(grouping.group(null, new Utm("yandex", "cpc", null, null, null), null, null))
        .isEqualTo("paid_search");
    assertThat(grouping.group(null, new Utm("vk", "cpc", null, null, null), null, null))
        .isEqualTo("paid_social");
    assertThat(grouping.group(null, new Utm("google", "organic", null, null, null), null, null))
        .isEqualTo("organic_search");
    assertThat(grouping.group(null, Utm.NONE, "https://www.google.com/search?q=x", null))
        .isEqualTo("organic_search");
    assertThat(grouping.group(null, Utm.NONE, "https://habr.com/ru/post/1", null))
        .isEqualTo("referral");
    assertThat(grouping.group(null, Utm.NONE, null, null)).isEqualTo("direct");
    assertThat(grouping.group(null, Utm.NONE, null, TouchType.CALL)).isEqualTo("calls");
    assertThat(grouping.group(null, new Utm("x", "email", null, null, null), null, null))
        .isEqualTo("email");
    assertThat(grouping.group("Paid_Search", Utm.NONE, null, null)).isEqualTo("paid_search");
    assertThat(grouping.group(null, new Utm("x", "weird", null, null, null), null, null))
        .isEqualTo("other");
  }

  @Test
  void currencyConversionUsesTheLatestRateOnOrBeforeTheDate() {
    CurrencyConverter converter =
        new CurrencyConverter(
            "RUB",
            List.of(
                new Rate(LocalDate.of(2025, 3, 1), "USD", new BigDecimal("90.5")),
                new Rate(LocalDate.of(2025, 3, 3), "USD", new BigDecimal("91.123"))));

    assertThat(converter.convert(new Money(1000, "USD"), LocalDate.of(2025, 3, 2), "f", 1).money())
        .isEqualTo(new Money(90_500, "RUB"));
    // 10.01 USD × 91.123 = 912.14123 RUB → 912.14 (half-even to kopecks).
    assertThat(converter.convert(new Money(1001, "USD"), LocalDate.of(2025, 3, 3), "f", 1).money())
        .isEqualTo(new Money(91_214, "RUB"));
    assertThat(converter.convert(new Money(5, "RUB"), LocalDate.of(2000, 1, 1), "f", 1).money())
        .isEqualTo(new Money(5, "RUB"));
    CurrencyConverter.Conversion missing =
        converter.convert(new Money(1, "USD"), LocalDate.of(2025, 2, 28), "deals.csv", 7);
    assertThat(missing.isConverted()).isFalse();
    assertThat(missing.error().code()).isEqualTo(ErrorCode.MISSING_RATE);
    assertThat(
            converter.convert(new Money(1, "EUR"), LocalDate.of(2025, 3, 2), "f", 1).error().code())
        .isEqualTo(ErrorCode.MISSING_RATE);
  }

  @Test
  void normalizerFillsBlankLeadChannelsAndLowerCasesNames() {
    Lead blank =
        new Lead(
            "L1",
            Instant.EPOCH,
            null,
            null,
            null,
            null,
            null,
            null,
            new Utm("Ya", "PPC", null, null, null),
            null,
            null,
            null);
    Lead named =
        new Lead(
            "L2",
            Instant.EPOCH,
            null,
            null,
            null,
            null,
            null,
            "Yandex_Direct",
            Utm.NONE,
            null,
            null,
            null);
    CanonicalData data =
        new CanonicalData(
            List.of(),
            List.of(),
            List.of(blank, named),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of());

    CanonicalData normalized = Normalizer.defaults().normalize(data);

    assertThat(normalized.leads().get(0).channel()).isEqualTo("paid_search");
    assertThat(normalized.leads().get(0).utm().source()).isEqualTo("yandex");
    assertThat(normalized.leads().get(1).channel()).isEqualTo("yandex_direct");
    assertThat(Normalizer.defaults().normalize(normalized)).isEqualTo(normalized);
  }

  @Property(tries = 500)
  void normalisingTwiceEqualsOnce(
      @ForAll
          @StringLength(max = 12)
          @Chars({'a', 'Y', ' ', '%', '2', '0', '5', '+', '"', '\'', '\t', 'F', 'ж', '.'})
          String text) {
    Utm utm = new Utm(text, text, text, text, text);
    Utm once = utms.normalize(utm);
    assertThat(utms.normalize(once)).isEqualTo(once);
    String group = grouping.group(text, once, text, null);
    assertThat(grouping.group(group, once, text, null)).isEqualTo(group);
  }
}
