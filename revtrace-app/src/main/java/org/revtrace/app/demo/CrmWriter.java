package org.revtrace.app.demo;

import java.util.random.RandomGenerator;

/**
 * Writes the CRM side of an account's journey: the lead (with the converting touch's channel and
 * UTMs, MQL/SQL times and the first sales response — usually within hours, sometimes days), the
 * deal with its stage history, and payments: a single invoice or quarterly payments that renew
 * yearly for most customers.
 */
final class CrmWriter {

  private final DemoFiles files;
  private final DirtyData dirty;
  private final Window window;

  CrmWriter(DemoFiles files, DirtyData dirty, Window window) {
    this.files = files;
    this.dirty = dirty;
    this.window = window;
  }

  /** Writes the lead row(s); returns the lead id. */
  String writeLead(
      Account account,
      Contact contact,
      Timeline timeline,
      String[] touchCells,
      RandomGenerator rng) {
    String id = files.nextLeadId();
    boolean noSource = dirty.dropLeadSource(id);
    String[] row = {
      id,
      CsvValues.timestamp(timeline.leadAt(), CsvValues.MOSCOW),
      contact.id(),
      account.id(),
      contact.visitorId(),
      contact.email(),
      contact.phone(),
      noSource ? "" : touchCells[TouchRows.CHANNEL],
      noSource ? "" : touchCells[TouchRows.SOURCE],
      noSource ? "" : touchCells[TouchRows.MEDIUM],
      noSource ? "" : touchCells[TouchRows.CAMPAIGN],
      optionalTime(timeline.mqlAt()),
      optionalTime(timeline.sqlAt()),
      firstResponse(timeline, rng)
    };
    CsvSink sink = files.sink(CanonicalFile.LEADS);
    sink.write(row);
    if (dirty.duplicateLead()) {
      sink.write(row);
      dirty.recordLeadDuplicate(id);
    }
    return id;
  }

  /** Writes the deal, its stage changes and, when won, its payments. */
  void writeDeal(Account account, String leadId, Timeline timeline, RandomGenerator rng) {
    String dealId = files.nextDealId();
    long amount = amount(account, rng);
    Outcome outcome = timeline.outcome();
    String status =
        switch (outcome) {
          case WON -> "won";
          case LOST -> "lost";
          case OPEN -> "open";
          case NO_LEAD, LEAD_ONLY, MQL_ONLY ->
              throw new IllegalStateException("no deal for outcome " + outcome);
        };
    files
        .sink(CanonicalFile.DEALS)
        .write(
            dealId,
            CsvValues.timestamp(timeline.sqlAt(), CsvValues.MOSCOW),
            CsvValues.money(amount),
            account.id(),
            account.withRole(Contact.Role.DECISION_MAKER).id(),
            leadId,
            account.currency(),
            timeline.currentStage().text(),
            status,
            optionalTime(timeline.closedAt()),
            product(account, rng));
    CsvSink stages = files.sink(CanonicalFile.STAGE_CHANGES);
    for (Timeline.Entry entry : timeline.stages()) {
      stages.write(dealId, entry.stage().text(), CsvValues.timestamp(entry.at(), CsvValues.MOSCOW));
    }
    if (outcome == Outcome.WON) {
      writePayments(account, dealId, amount, timeline.closedAt(), rng);
    }
  }

  private void writePayments(
      Account account, String dealId, long amount, long closedAt, RandomGenerator rng) {
    boolean quarterly = rng.nextDouble() < 0.4;
    long installment = quarterly ? amount / 4 : amount;
    long first = quarterly ? amount - installment * 3 : amount;
    long paidAt = closedAt + (long) SalesCycle.between(rng, 2, 20) * Window.DAY;
    CsvSink sink = files.sink(CanonicalFile.PAYMENTS);
    for (int number = 0; paidAt <= window.endEpoch(); number++) {
      if (number > 0 && (!quarterly || (number % 4 == 0 && rng.nextDouble() < 0.15))) {
        break;
      }
      String id = files.nextPaymentId();
      String[] row = {
        id,
        CsvValues.timestamp(paidAt, CsvValues.MOSCOW),
        CsvValues.money(number == 0 ? first : installment),
        dealId,
        account.id(),
        account.currency()
      };
      sink.write(row);
      if (dirty.badPayment(account.ordinal())) {
        String[] bad = row.clone();
        bad[0] = files.nextPaymentId();
        bad[2] = russianAmount(number == 0 ? first : installment);
        long line = sink.write(bad);
        dirty.recordBadPayment(
            new BadRow(CanonicalFile.PAYMENTS.fileName(), line, bad[0], "amount", bad[2], id));
      }
      paidAt += (88 + rng.nextInt(7)) * Window.DAY;
    }
  }

  private String firstResponse(Timeline timeline, RandomGenerator rng) {
    double roll = rng.nextDouble();
    if (timeline.outcome() == Outcome.LEAD_ONLY && roll < 0.1) {
      return "";
    }
    long delay =
        roll < 0.88
            ? (long) (60 * Math.exp(Math.log(25) + 0.9 * rng.nextGaussian()))
            : (long) (SalesCycle.between(rng, 1, 4) * Window.DAY);
    long at = window.workingMoment(timeline.leadAt() + Math.max(60, delay));
    if (timeline.mqlAt() >= 0 && roll < 0.88) {
      at = Math.min(at, Math.max(timeline.leadAt() + 60, timeline.mqlAt() - 60));
    }
    return CsvValues.timestamp(Math.min(at, window.endEpoch()), CsvValues.MOSCOW);
  }

  private static long amount(Account account, RandomGenerator rng) {
    double[] thousands =
        switch (account.size()) {
          case "1-50" -> new double[] {150, 500};
          case "51-200" -> new double[] {400, 1_500};
          case "201-1000" -> new double[] {1_000, 4_000};
          case "1001-5000" -> new double[] {2_500, 9_000};
          default -> new double[] {6_000, 20_000};
        };
    double roubles = SalesCycle.between(rng, thousands[0], thousands[1]) * 1_000;
    if (account.global()) {
      return Math.round(roubles / 90 / 100) * 100 * 100;
    }
    return Math.round(roubles / 10_000) * 10_000 * 100;
  }

  private static String product(Account account, RandomGenerator rng) {
    String[] products =
        switch (account.size()) {
          case "1-50", "51-200" -> new String[] {"Revtrace Cloud Start", "Revtrace Cloud Business"};
          case "201-1000" -> new String[] {"Revtrace Cloud Business", "Revtrace Implementation"};
          default -> new String[] {"Revtrace Enterprise", "Revtrace Enterprise + Implementation"};
        };
    return products[rng.nextInt(products.length)];
  }

  private static String optionalTime(long epochSecond) {
    return epochSecond < 0 ? "" : CsvValues.timestamp(epochSecond, CsvValues.MOSCOW);
  }

  /** {@code 1 250 000,00}: how a Russian spreadsheet shows money, unparsable as a decimal. */
  static String russianAmount(long minorUnits) {
    String plain = CsvValues.money(minorUnits);
    String whole = plain.substring(0, plain.indexOf('.'));
    StringBuilder grouped = new StringBuilder();
    for (int i = 0; i < whole.length(); i++) {
      if (i > 0 && (whole.length() - i) % 3 == 0) {
        grouped.append(' ');
      }
      grouped.append(whole.charAt(i));
    }
    return grouped + "," + plain.substring(plain.indexOf('.') + 1);
  }
}
