package org.revtrace.core.testing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.revtrace.core.model.Account;
import org.revtrace.core.model.CanonicalData;
import org.revtrace.core.model.Contact;
import org.revtrace.core.model.Cost;
import org.revtrace.core.model.CostCategory;
import org.revtrace.core.model.Deal;
import org.revtrace.core.model.DealStatus;
import org.revtrace.core.model.ErrorCode;
import org.revtrace.core.model.Lead;
import org.revtrace.core.model.Money;
import org.revtrace.core.model.Payment;
import org.revtrace.core.model.Rate;
import org.revtrace.core.model.RowError;
import org.revtrace.core.model.Spend;
import org.revtrace.core.model.StageChange;
import org.revtrace.core.model.TouchType;
import org.revtrace.core.model.Touchpoint;
import org.revtrace.core.model.Utm;

/** Small canonical data sets with every field set or left empty, for store round trips. */
public final class CanonicalSamples {

  private static final Instant T0 = Instant.parse("2025-03-01T07:15:00Z");

  private CanonicalSamples() {}

  /** One or two rows of every canonical file, using awkward text (tabs, quotes, Cyrillic). */
  public static CanonicalData everyFile() {
    Utm utm = new Utm("yandex", "cpc", "весна\t2025", "баннер \"A\"", "crm\\b2b");
    return new CanonicalData(
        List.of(
            new Spend(LocalDate.of(2025, 3, 1), "paid_search", utm, 1000, 50, rub("1500.50")),
            new Spend(LocalDate.of(2025, 3, 1), "social", Utm.NONE, 0, 0, usd("20.00"))),
        List.of(
            touch("t1", T0, "c1"),
            new Touchpoint(
                "t2",
                T0.plusSeconds(3600),
                "paid_search",
                "v1",
                "c1",
                "a1",
                TouchType.AD_CLICK,
                utm,
                "https://example.ru/?q=1\n2",
                "https://ya.ru")),
        List.of(
            new Lead(
                "l1",
                T0.plusSeconds(7200),
                "c1",
                "a1",
                "v1",
                "e-mail-hash",
                "phone-hash",
                "paid_search",
                utm,
                T0.plusSeconds(86_400),
                T0.plusSeconds(172_800),
                T0.plusSeconds(7500)),
            new Lead("l2", T0, null, null, null, null, null, null, null, null, null, null)),
        List.of(
            new Deal(
                "d1",
                T0.plusSeconds(90_000),
                rub("250000.00"),
                "a1",
                "c1",
                "l1",
                "won",
                DealStatus.WON,
                T0.plusSeconds(900_000),
                "CRM"),
            new Deal(
                "d2", T0, Money.zero("JPY"), null, null, null, null, DealStatus.OPEN, null, null)),
        List.of(
            new StageChange("d1", "qualified", T0.plusSeconds(100_000)),
            new StageChange("d1", "won", T0.plusSeconds(900_000))),
        List.of(
            new Payment("p1", T0.plusSeconds(950_000), rub("125000.00"), "d1", "a1"),
            new Payment("p2", T0.plusSeconds(960_000), rub("-100.00"), null, "a1")),
        List.of(
            new Account("a1", "ООО \"Ромашка\"", "romashka.ru", "retail", "51-200", "RU", "A"),
            new Account("a2", null, null, null, null, null, null)),
        List.of(
            new Contact("c1", "a1", "e-mail-hash", "phone-hash", "CMO"),
            new Contact("c2", null, null, null, null)),
        List.of(
            new Cost(LocalDate.of(2025, 3, 1), CostCategory.AGENCY, rub("30000.00"), "paid_search"),
            new Cost(LocalDate.of(2025, 3, 1), CostCategory.TOOLS, rub("999.99"), null)),
        List.of(
            new Rate(LocalDate.of(2025, 3, 1), "USD", new BigDecimal("89.1234")),
            new Rate(LocalDate.of(2025, 3, 1), "EUR", new BigDecimal("97.5"))));
  }

  /** {@code count} touchpoints with ids {@code prefix0..}, one per minute from 2025-03-01. */
  public static CanonicalData touchpoints(String prefix, int from, int count) {
    Touchpoint[] rows = new Touchpoint[count];
    for (int i = 0; i < count; i++) {
      int n = from + i;
      rows[i] = touch(prefix + n, T0.plusSeconds(60L * n), "c" + (n % 1000));
    }
    return new CanonicalData(
        List.of(),
        List.of(rows),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  /** Two rejected rows as an importer reports them. */
  public static List<RowError> twoErrors() {
    return List.of(
        new RowError(
            "leads.csv", 12, "created_at", ErrorCode.BAD_TIMESTAMP, "вчера", "not ISO-8601"),
        new RowError("deals.csv", 3, "", ErrorCode.RAGGED_ROW, "d9,\"x", ""));
  }

  private static Touchpoint touch(String id, Instant at, String contact) {
    return new Touchpoint(
        id, at, "organic", null, contact, null, TouchType.VISIT, null, null, null);
  }

  private static Money rub(String major) {
    return Money.parse(major, "RUB");
  }

  private static Money usd(String major) {
    return Money.parse(major, "USD");
  }
}
