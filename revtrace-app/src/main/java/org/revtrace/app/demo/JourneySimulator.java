package org.revtrace.app.demo;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Simulates one account end to end and streams its rows: the account and contacts, the exposure
 * draw, the planted win decision {@code p(S)}, the timeline, the touchpoints, the lead, the deal
 * and its payments, and the account's entry in the ground truth.
 */
final class JourneySimulator {

  private final AccountFactory accountFactory = new AccountFactory();
  private final ConversionModel model;
  private final ExposureModel exposure;
  private final SalesCycle salesCycle;
  private final TouchPlanner planner;
  private final TouchRows rows;
  private final CrmWriter crm;
  private final DemoFiles files;
  private final DirtyData dirty;
  private final GroundTruth groundTruth;
  private final double meanTouches;

  JourneySimulator(
      Catalog catalog,
      ConversionModel model,
      Window window,
      MarketingCalendar calendar,
      DemoFiles files,
      DirtyData dirty,
      GroundTruth groundTruth,
      double meanTouches) {
    this.model = model;
    this.exposure = new ExposureModel(catalog);
    this.salesCycle = new SalesCycle(window);
    this.planner = new TouchPlanner(catalog, calendar, window);
    this.rows = new TouchRows(catalog);
    this.crm = new CrmWriter(files, dirty, window);
    this.files = files;
    this.dirty = dirty;
    this.groundTruth = groundTruth;
    this.meanTouches = meanTouches;
  }

  /** Simulates the account at {@code ordinal}; returns the touchpoint rows written. */
  long simulate(int ordinal, RandomGenerator rng) {
    Account account = accountFactory.create(ordinal, rng);
    dirty.startAccount(ordinal);
    writeAccount(account);
    long mask = exposure.draw(account, rng);
    boolean won = rng.nextDouble() < model.probability(mask);
    Outcome outcome = won ? Outcome.WON : lostOutcome(rng);
    Timeline timeline = salesCycle.plan(outcome, account, rng);
    Contact leadContact = outcome.hasLead() ? planner.leadContact(account, rng) : null;
    List<Touch> touches = planner.plan(account, mask, timeline, leadContact, meanTouches, rng);
    long touched = 0;
    String[] converting = null;
    CsvSink sink = files.sink(CanonicalFile.TOUCHPOINTS);
    long written = 0;
    for (int i = 0; i < touches.size(); i++) {
      Touch touch = touches.get(i);
      touched |= 1L << touch.channel();
      String[] cells = rows.cells(touch, files.nextTouchpointId(), rng);
      if (touch.converting()) {
        converting = cells.clone();
      }
      dirty.mutateTouch(cells);
      sink.write(cells);
      written++;
      if (i == 0 && dirty.duplicateTouch(ordinal)) {
        sink.write(cells);
        written++;
        dirty.recordTouchDuplicate(cells[TouchRows.ID]);
      }
      if (i == 0 && dirty.badTouch(ordinal)) {
        String[] bad = cells.clone();
        bad[TouchRows.ID] = files.nextTouchpointId();
        bad[TouchRows.OCCURRED_AT] = russianDate(cells[TouchRows.OCCURRED_AT]);
        long line = sink.write(bad);
        written++;
        dirty.recordBadTouch(
            new BadRow(
                CanonicalFile.TOUCHPOINTS.fileName(),
                line,
                bad[TouchRows.ID],
                "occurred_at",
                bad[TouchRows.OCCURRED_AT],
                cells[TouchRows.ID]));
      }
    }
    if (outcome.hasLead()) {
      String leadId = crm.writeLead(account, leadContact, timeline, converting, rng);
      if (outcome.hasDeal()) {
        crm.writeDeal(account, leadId, timeline, rng);
      }
    }
    groundTruth.record(touched, won);
    return written;
  }

  private void writeAccount(Account account) {
    files
        .sink(CanonicalFile.ACCOUNTS)
        .write(
            account.id(),
            account.name(),
            account.domain(),
            account.industry(),
            account.size(),
            account.region(),
            account.tier().name());
    CsvSink contacts = files.sink(CanonicalFile.CONTACTS);
    for (Contact contact : account.contacts()) {
      contacts.write(
          contact.id(),
          contact.accountId(),
          contact.email(),
          contact.phone(),
          contact.role().text());
    }
  }

  /** Where a journey that does not win ends: most never become leads, some deals are lost. */
  private static Outcome lostOutcome(RandomGenerator rng) {
    double roll = rng.nextDouble();
    if (roll < 0.35) {
      return Outcome.NO_LEAD;
    }
    if (roll < 0.53) {
      return Outcome.LEAD_ONLY;
    }
    if (roll < 0.65) {
      return Outcome.MQL_ONLY;
    }
    return roll < 0.95 ? Outcome.LOST : Outcome.OPEN;
  }

  /** {@code 2025-03-14T10:15:00+03:00} becomes {@code 14.03.2025 10:15}. */
  static String russianDate(String isoTimestamp) {
    return isoTimestamp.substring(8, 10)
        + "."
        + isoTimestamp.substring(5, 7)
        + "."
        + isoTimestamp.substring(0, 4)
        + " "
        + isoTimestamp.substring(11, 16);
  }
}
