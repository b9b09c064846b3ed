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
import org.revtrace.core.port.RejectedFile;

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

  /**
   * {@link #everyFile()} as a later export sees it: the first row of every file with an id or a
   * restatable value (spend, rates) changed, the second row the same; a new stage change and a new
   * cost instead of the first ones (their key is every column).
   */
  public static CanonicalData everyFileChanged() {
    CanonicalData before = everyFile();
    Spend spend = before.spend().get(0);
    Touchpoint touch = before.touchpoints().get(0);
    Lead lead = before.leads().get(0);
    Deal deal = before.deals().get(0);
    Payment payment = before.payments().get(0);
    Account account = before.accounts().get(0);
    Contact contact = before.contacts().get(0);
    Rate rate = before.rates().get(0);
    return new CanonicalData(
        List.of(
            new Spend(
                spend.date(),
                spend.channel(),
                spend.utm(),
                spend.impressions() + 10,
                spend.clicks(),
                rub("1600.00")),
            before.spend().get(1)),
        List.of(
            new Touchpoint(
                touch.id(),
                touch.occurredAt(),
                "email",
                touch.visitorId(),
                touch.contactId(),
                touch.accountId(),
                touch.type(),
                touch.utm(),
                touch.landingPage(),
                touch.referrer()),
            before.touchpoints().get(1)),
        List.of(
            new Lead(
                lead.id(),
                lead.createdAt(),
                lead.contactId(),
                lead.accountId(),
                lead.visitorId(),
                lead.email(),
                lead.phone(),
                lead.channel(),
                lead.utm(),
                lead.mqlAt(),
                null,
                lead.firstResponseAt()),
            before.leads().get(1)),
        List.of(
            new Deal(
                deal.id(),
                deal.createdAt(),
                rub("275000.00"),
                deal.accountId(),
                deal.contactId(),
                deal.leadId(),
                deal.stage(),
                deal.status(),
                deal.closedAt(),
                deal.product()),
            before.deals().get(1)),
        List.of(
            new StageChange("d1", "lost", T0.plusSeconds(999_999)), before.stageChanges().get(1)),
        List.of(
            new Payment(payment.id(), payment.paidAt(), rub("130000.00"), payment.dealId(), null),
            before.payments().get(1)),
        List.of(
            new Account(
                account.id(),
                account.name(),
                account.domain(),
                account.industry(),
                account.size(),
                account.region(),
                "B"),
            before.accounts().get(1)),
        List.of(
            new Contact(contact.id(), contact.accountId(), null, contact.phone(), "CEO"),
            before.contacts().get(1)),
        List.of(
            new Cost(LocalDate.of(2025, 3, 2), CostCategory.AGENCY, rub("1.00"), null),
            before.costs().get(1)),
        List.of(
            new Rate(rate.date(), rate.currency(), new BigDecimal("90.5")), before.rates().get(1)));
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

  /**
   * The raw rows of {@link #twoErrors()} with their headers, given out of order (deals before
   * leads, lines descending) and with text a store must keep byte for byte: quotes, commas, a tab,
   * a line break, a backslash, Cyrillic, an empty field and a ragged row.
   */
  public static List<RejectedFile> twoRejectedFiles() {
    return List.of(
        new RejectedFile(
            "leads.csv",
            List.of("lead_id", "created_at", "contact_id"),
            List.of(
                new RejectedFile.RejectedRow(
                    14, List.of("l9", "2025-13-01", "c\\1\t{\"x\"}\n,NULL")),
                new RejectedFile.RejectedRow(12, List.of("l7", "вчера", "")))),
        new RejectedFile(
            "deals.csv",
            List.of("deal_id", "created_at"),
            List.of(new RejectedFile.RejectedRow(3, List.of("d9", "x\r\n2", "extra")))));
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
