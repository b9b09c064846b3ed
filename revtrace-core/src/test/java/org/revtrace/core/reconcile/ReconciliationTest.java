package org.revtrace.core.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.revtrace.core.reconcile.Fixture.at;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.revtrace.core.model.DealStatus;
import org.revtrace.core.model.Money;
import org.revtrace.core.model.Payment;
import org.revtrace.core.model.Rate;
import org.revtrace.core.model.Spend;
import org.revtrace.core.model.TouchType;
import org.revtrace.core.model.Utm;

/** Worked examples: each plants one cause of a gap with a known size and finds exactly it. */
class ReconciliationTest {

  private static final ReconciliationSettings MONTHLY =
      ReconciliationSettings.defaults("RUB", ZoneOffset.UTC);

  private static ReconciliationReport run(Fixture fixture, ReconciliationSettings settings) {
    return Reconciliation.compute(ReconciliationInput.ofFiles(fixture.data()), settings);
  }

  private static ReconciliationRow only(ReconciliationReport report) {
    assertThat(report.rows()).hasSize(1);
    return report.rows().get(0);
  }

  private static BigDecimal n(long value) {
    return BigDecimal.valueOf(value);
  }

  private static void assertReason(Gap gap, ReasonCode code, long effect, long explained) {
    Reason reason = gap.reason(code);
    assertThat(reason).as(gap.kind() + " " + code).isNotNull();
    assertThat(reason.effect()).isEqualByComparingTo(n(effect));
    assertThat(reason.explained()).isEqualByComparingTo(n(explained));
  }

  @Test
  void matchingNumbersLeaveNoGapAndNoReason() {
    Fixture fixture =
        new Fixture()
            .spend("2025-03-01", "paid_search", "spring", 3, "1")
            .arrivals("v", "2025-03-01T10:00:00Z", "paid_search", "spring", 3)
            .lead("L1", "2025-03-01T12:30:00Z", "v-1", null);

    ReconciliationRow row = only(run(fixture, MONTHLY));

    assertThat(row.platformClicks()).isEqualTo(3);
    assertThat(row.trackedVisits()).isEqualTo(3);
    assertThat(row.trackedAdClicks()).isEqualTo(3);
    assertThat(row.platformConversions()).isEqualByComparingTo("1");
    assertThat(row.trackedLeads()).isEqualTo(1);
    assertThat(row.platformSpend()).isEqualTo(3000);
    assertThat(row.from()).isEqualTo(LocalDate.of(2025, 3, 1));
    assertThat(row.to()).isEqualTo(LocalDate.of(2025, 3, 31));
    assertThat(row.gap(GapKind.CLICKS).difference()).isZero();
    assertThat(row.gap(GapKind.CLICKS).ratio()).isEqualTo(1.0);
    assertThat(row.gap(GapKind.CLICKS).reasons()).isEmpty();
    assertThat(row.gap(GapKind.CONVERSIONS).difference()).isZero();
    assertThat(row.gap(GapKind.CONVERSIONS).reasons()).isEmpty();
  }

  @Test
  void whatNoCauseExplainsIsLeftUnexplained() {
    Fixture fixture =
        new Fixture()
            .spend("2025-03-01", "paid_search", "spring", 10, null)
            .arrivals("v", "2025-03-01T10:00:00Z", "paid_search", "spring", 6);

    ReconciliationRow row = only(run(fixture, MONTHLY));

    Gap clicks = row.gap(GapKind.CLICKS);
    assertThat(clicks.difference()).isEqualByComparingTo("4");
    assertThat(clicks.ratio()).isEqualTo(0.6);
    assertThat(clicks.unexplained()).isEqualByComparingTo("4");
    assertThat(row.platformConversions()).isNull();
    assertThat(row.gap(GapKind.CONVERSIONS)).as("not reported, no gap").isNull();
  }

  @Test
  void untaggedArrivalsOfTheChannelExplainMissingClicks() {
    Fixture fixture =
        new Fixture()
            .spend("2025-03-01", "paid_search", "spring", 10, null)
            .arrivals("v", "2025-03-01T10:00:00Z", "paid_search", "spring", 7)
            .arrivals("u", "2025-03-02T10:00:00Z", "paid_search", null, 3)
            // untagged arrivals of another channel explain nothing here
            .arrivals("s", "2025-03-02T10:00:00Z", "social", null, 5);

    Gap clicks = only(run(fixture, MONTHLY)).gap(GapKind.CLICKS);

    assertReason(clicks, ReasonCode.UNTAGGED_TRAFFIC, 3, 3);
    assertThat(clicks.unexplained()).isZero();
  }

  @Test
  void anUntaggedPoolIsSplitBetweenCampaignsWithoutCountingAnArrivalTwice() {
    Fixture fixture =
        new Fixture()
            .spend("2025-03-01", "paid_search", "a", 5, null)
            .spend("2025-03-01", "paid_search", "b", 4, null)
            .arrivals("a", "2025-03-01T10:00:00Z", "paid_search", "a", 2)
            .arrivals("b", "2025-03-01T10:00:00Z", "paid_search", "b", 2)
            .arrivals("u", "2025-03-02T10:00:00Z", "paid_search", null, 3);

    ReconciliationReport report = run(fixture, MONTHLY);

    // gaps 3 and 2 claim 5 arrivals from a pool of 3: 1.8 and 1.2, the larger remainder (a) first
    Reason a = report.rows().get(0).gap(GapKind.CLICKS).reason(ReasonCode.UNTAGGED_TRAFFIC);
    Reason b = report.rows().get(1).gap(GapKind.CLICKS).reason(ReasonCode.UNTAGGED_TRAFFIC);
    assertThat(a.explained()).isEqualByComparingTo("2");
    assertThat(b.explained()).isEqualByComparingTo("1");
    assertThat(a.examples()).doesNotContainAnyElementsOf(b.examples());
    assertThat(report.rows().get(0).gap(GapKind.CLICKS).unexplained()).isEqualByComparingTo("1");
    assertThat(report.rows().get(1).gap(GapKind.CLICKS).unexplained()).isEqualByComparingTo("1");
  }

  @Test
  void repeatedArrivalsWithinASessionExplainExtraTrackedClicks() {
    Fixture fixture =
        new Fixture()
            .spend("2025-03-01", "paid_search", "spring", 5, null)
            .arrivals("v", "2025-03-01T10:00:00Z", "paid_search", "spring", 5);
    // three of the visitors are recorded twice: an ad_click and the visit it opened
    for (int i = 1; i <= 3; i++) {
      fixture.touch(
          "v-" + i,
          at("2025-03-01T10:05:00Z").plusSeconds(3600L * (i - 1)),
          "paid_search",
          "spring",
          TouchType.VISIT);
    }
    // a return visit two hours later is a new arrival, not a duplicate
    fixture.touch("v-5", at("2025-03-01T16:00:00Z"), "paid_search", "spring", TouchType.VISIT);

    ReconciliationRow row = only(run(fixture, MONTHLY));

    assertThat(row.trackedVisits()).isEqualTo(9);
    assertThat(row.trackedAdClicks()).isEqualTo(5);
    Gap clicks = row.gap(GapKind.CLICKS);
    assertThat(clicks.difference()).isEqualByComparingTo("-4");
    assertReason(clicks, ReasonCode.DUPLICATES, -3, 3);
    assertThat(clicks.reason(ReasonCode.DUPLICATES).examples()).containsExactly("t6", "t7", "t8");
    assertThat(clicks.unexplained()).isEqualByComparingTo("1");
  }

  @Test
  void platformDaysInAnotherZoneMoveArrivalsAndLeadsBetweenDays() {
    ZoneId moscow = ZoneId.of("Europe/Moscow");
    Fixture fixture =
        new Fixture()
            // the platform counts the 22:30 UTC click on 2 March, Moscow time
            .spend("2025-03-01", "paid_search", "spring", 0, "0")
            .spend("2025-03-02", "paid_search", "spring", 1, "1");
    fixture.touch("v-1", at("2025-03-01T22:30:00Z"), "paid_search", "spring", TouchType.AD_CLICK);
    fixture.lead("L1", "2025-03-01T22:40:00Z", "v-1", null);
    ReconciliationSettings daily = MONTHLY.withPeriod(Period.DAY).withPlatformZone(moscow);

    ReconciliationReport report = run(fixture, daily);

    assertThat(report.rows()).hasSize(2);
    ReconciliationRow first = report.rows().get(0);
    ReconciliationRow second = report.rows().get(1);
    assertThat(first.from()).isEqualTo(LocalDate.of(2025, 3, 1));
    assertThat(first.gap(GapKind.CLICKS).difference()).isEqualByComparingTo("-1");
    assertReason(first.gap(GapKind.CLICKS), ReasonCode.TIME_ZONE, -1, 1);
    assertReason(first.gap(GapKind.CONVERSIONS), ReasonCode.TIME_ZONE, -1, 1);
    assertReason(second.gap(GapKind.CLICKS), ReasonCode.TIME_ZONE, 1, 1);
    assertReason(second.gap(GapKind.CONVERSIONS), ReasonCode.TIME_ZONE, 1, 1);
    assertThat(second.gap(GapKind.CLICKS).unexplained()).isZero();
    // over the whole range nothing moves
    ReconciliationRow total = report.totals().get(0);
    assertThat(total.gap(GapKind.CLICKS).difference()).isZero();
    assertThat(total.gap(GapKind.CLICKS).reasons()).isEmpty();
  }

  @Test
  void leadsTouchedOnlyBeforeTheLookbackAreTheWindowReason() {
    Fixture fixture =
        new Fixture()
            .spend("2025-03-01", "paid_search", "spring", 1, "3")
            .arrivals("v", "2025-03-01T10:00:00Z", "paid_search", "spring", 1)
            .lead("L1", "2025-03-02T10:00:00Z", "v-1", null)
            // two leads whose only campaign touch is 40 days old (lookback 30)
            .arrivals("old", "2025-01-25T10:00:00Z", "paid_search", "spring", 2)
            .lead("L2", "2025-03-06T10:00:00Z", "old-1", null)
            .lead("L3", "2025-03-06T12:00:00Z", "old-2", null);

    ReconciliationReport report = run(fixture, MONTHLY.withRange(LocalDate.of(2025, 3, 1), null));

    Gap conversions = only(report).gap(GapKind.CONVERSIONS);
    assertThat(only(report).trackedLeads()).isEqualTo(1);
    assertReason(conversions, ReasonCode.ATTRIBUTION_WINDOW, 2, 2);
    assertThat(conversions.reason(ReasonCode.ATTRIBUTION_WINDOW).examples())
        .containsExactly("L2", "L3");
    assertThat(conversions.unexplained()).isZero();
    // a longer lookback ties them to the campaign instead
    ReconciliationRow longer =
        only(
            run(
                fixture,
                MONTHLY
                    .withRange(LocalDate.of(2025, 3, 1), null)
                    .withLookback(java.time.Duration.ofDays(60))));
    assertThat(longer.trackedLeads()).isEqualTo(3);
    assertThat(longer.gap(GapKind.CONVERSIONS).difference()).isZero();
  }

  @Test
  void leadsWithoutVisitorIdThatJoinNothingAreThePooledReason() {
    Fixture fixture =
        new Fixture()
            .spend("2025-03-01", "paid_search", "spring", 1, "4")
            .arrivals("v", "2025-03-01T10:00:00Z", "paid_search", "spring", 1)
            .lead("L1", "2025-03-01T11:00:00Z", "v-1", null)
            .lead("N1", "2025-03-03T11:00:00Z", null, null)
            .lead("N2", "2025-03-04T11:00:00Z", null, null)
            // a contact id that joins no touch does not make a lead joinable
            .lead("N3", "2025-03-05T11:00:00Z", null, "c-9", null, null)
            // a lead with its own campaign is tracked, not missing
            .lead("T1", "2025-03-06T11:00:00Z", null, "spring");

    Gap conversions = only(run(fixture, MONTHLY)).gap(GapKind.CONVERSIONS);

    assertThat(conversions.difference()).isEqualByComparingTo("2");
    assertReason(conversions, ReasonCode.MISSING_VISITOR_ID, 2, 2);
    assertThat(conversions.reason(ReasonCode.MISSING_VISITOR_ID).examples())
        .containsExactly("N1", "N2");
  }

  @Test
  void repeatedLeadsOfOnePersonExplainExtraTrackedLeads() {
    Fixture fixture =
        new Fixture()
            .spend("2025-03-01", "paid_search", "spring", 2, "2")
            .arrivals("v", "2025-03-01T10:00:00Z", "paid_search", "spring", 2)
            .lead("L1", "2025-03-01T12:00:00Z", "v-1", null, "a@x", null)
            .lead("L2", "2025-03-01T12:10:00Z", "v-2", null, "b@x", null)
            // the same e-mail again a week later: a duplicate
            .lead("L3", "2025-03-08T12:00:00Z", "v-1", null, "a@x", null);

    Gap conversions = only(run(fixture, MONTHLY)).gap(GapKind.CONVERSIONS);

    assertThat(conversions.difference()).isEqualByComparingTo("-1");
    assertReason(conversions, ReasonCode.DUPLICATES, -1, 1);
    assertThat(conversions.reason(ReasonCode.DUPLICATES).examples()).containsExactly("L3");
    assertThat(conversions.unexplained()).isZero();
  }

  @Test
  void restatedSpendExplainsAGapThatGrewSinceTheFirstRead() {
    Fixture fixture =
        new Fixture()
            .spend("2025-03-01", "paid_search", "spring", 12, "3.50")
            .arrivals("v", "2025-03-01T10:00:00Z", "paid_search", "spring", 10);
    Spend current = fixture.spend.get(0);
    Spend first =
        new Spend(
            current.date(),
            current.channel(),
            current.utm(),
            current.impressions(),
            10,
            new Money(10_000, "RUB"),
            new BigDecimal("3"));
    ReconciliationInput input = new ReconciliationInput(fixture.data(), List.of(first), true);

    ReconciliationReport report = Reconciliation.compute(input, MONTHLY);

    ReconciliationRow row = only(report);
    assertThat(report.versionsKnown()).isTrue();
    assertReason(row.gap(GapKind.CLICKS), ReasonCode.RESTATED_SPEND, 2, 2);
    assertThat(row.gap(GapKind.CLICKS).unexplained()).isZero();
    Reason conversions = row.gap(GapKind.CONVERSIONS).reason(ReasonCode.RESTATED_SPEND);
    assertThat(conversions.effect()).isEqualByComparingTo("0.50");
    assertThat(conversions.explained()).isEqualByComparingTo("0.50");
    assertThat(row.gap(GapKind.CONVERSIONS).unexplained()).isEqualByComparingTo("3.00");
  }

  @Test
  void aRestatementThatNarrowedTheGapIsListedButExplainsNothing() {
    Fixture fixture =
        new Fixture()
            .spend("2025-03-01", "paid_search", "spring", 12, null)
            .arrivals("v", "2025-03-01T10:00:00Z", "paid_search", "spring", 10);
    Spend current = fixture.spend.get(0);
    Spend first =
        new Spend(current.date(), current.channel(), current.utm(), 0, 15, current.cost(), null);

    Gap clicks =
        only(Reconciliation.compute(
                new ReconciliationInput(fixture.data(), List.of(first), true), MONTHLY))
            .gap(GapKind.CLICKS);

    assertReason(clicks, ReasonCode.RESTATED_SPEND, -3, 0);
    assertThat(clicks.unexplained()).isEqualByComparingTo("2");
  }

  @Test
  void leadsTiedOnlyByTheirJourneyAreTheCrmLeadsGap() {
    Fixture fixture =
        new Fixture()
            .spend("2025-03-01", "paid_search", "spring", 2, null)
            .arrivals("v", "2025-03-01T10:00:00Z", "paid_search", "spring", 2)
            .lead("L1", "2025-03-01T12:00:00Z", "v-1", "spring")
            .lead("L2", "2025-03-01T13:00:00Z", "v-2", null)
            // the CRM names another campaign: tracked by the journey, unexplained
            .lead("L3", "2025-03-01T14:00:00Z", "v-1", null, "c@x", "autumn");

    ReconciliationRow row = only(run(fixture, MONTHLY));

    assertThat(row.trackedLeads()).isEqualTo(3);
    assertThat(row.crmLeads()).isEqualTo(1);
    Gap leads = row.gap(GapKind.LEADS);
    assertReason(leads, ReasonCode.UNTAGGED_TRAFFIC, 1, 1);
    assertThat(leads.unexplained()).isEqualByComparingTo("1");
  }

  @Test
  void dealsAndWonRevenueFollowTheTrackedLeadsInTheReportingCurrency() {
    Fixture fixture =
        new Fixture()
            .spend("2025-03-01", "paid_search", "spring", 2, null)
            .arrivals("v", "2025-03-01T10:00:00Z", "paid_search", "spring", 2)
            .lead("L1", "2025-03-01T12:00:00Z", "v-1", null)
            .lead("L2", "2025-03-01T13:00:00Z", "v-2", null)
            .deal("D1", "L1", DealStatus.WON, new Money(100_000, "RUB"), "2025-04-10T10:00:00Z")
            .deal("D2", "L2", DealStatus.WON, new Money(500, "USD"), "2025-04-12T10:00:00Z")
            .deal("D3", "L2", DealStatus.LOST, new Money(9_999, "RUB"), "2025-04-12T10:00:00Z");
    // D1 was paid in two parts; D2's amount counts at its closing day's rate
    fixture.payments.add(
        new Payment("P1", at("2025-04-11T10:00:00Z"), new Money(60_000, "RUB"), "D1", null));
    fixture.payments.add(
        new Payment("P2", at("2025-05-11T10:00:00Z"), new Money(50_000, "RUB"), "D1", null));
    fixture.rates.add(new Rate(LocalDate.of(2025, 4, 1), "USD", new BigDecimal("90")));

    ReconciliationRow row = only(run(fixture, MONTHLY));

    assertThat(row.deals()).isEqualTo(3);
    assertThat(row.wonDeals()).isEqualTo(2);
    assertThat(row.wonRevenue()).isEqualTo(110_000 + 500 * 90);
    assertThat(row.leadToDeal()).isEqualTo(1.5);
  }

  @Test
  void theCampaignFilterAndTheRangeNarrowTheRows() {
    Fixture fixture =
        new Fixture()
            .spend("2025-02-28", "paid_search", "spring", 1, null)
            .spend("2025-03-01", "paid_search", "spring", 2, null)
            .spend("2025-03-01", "paid_search", "brand", 2, null);

    ReconciliationReport report =
        run(
            fixture,
            MONTHLY
                .withCampaign("SPRING")
                .withRange(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 15)));

    ReconciliationRow row = only(report);
    assertThat(row.campaign()).isEqualTo("spring");
    assertThat(row.platformClicks()).isEqualTo(2);
    assertThat(row.to()).isEqualTo(LocalDate.of(2025, 3, 15));
    assertThat(report.totals()).hasSize(1);
    assertThat(report.totals().get(0).from()).isEqualTo(LocalDate.of(2025, 3, 1));
  }

  @Test
  void spendWithoutCampaignIsNotReconciled() {
    Fixture fixture = new Fixture();
    fixture.spend.add(
        new Spend(LocalDate.of(2025, 3, 1), "social", Utm.NONE, 5, 5, new Money(500, "RUB")));

    assertThat(run(fixture, MONTHLY).rows()).isEmpty();
  }
}
