package org.revtrace.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.revtrace.core.audit.AuditFixture.at;
import static org.revtrace.core.audit.AuditFixture.utm;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.revtrace.core.audit.check.BackwardMoves;
import org.revtrace.core.audit.check.CampaignTypos;
import org.revtrace.core.audit.check.CurrencyGaps;
import org.revtrace.core.audit.check.DealsWithoutContact;
import org.revtrace.core.audit.check.DealsWithoutLead;
import org.revtrace.core.audit.check.DuplicateContacts;
import org.revtrace.core.audit.check.DuplicateLeads;
import org.revtrace.core.audit.check.FeedStopped;
import org.revtrace.core.audit.check.LeadsWithoutSource;
import org.revtrace.core.audit.check.ManualEntries;
import org.revtrace.core.audit.check.MissingFirstResponse;
import org.revtrace.core.audit.check.MissingMedium;
import org.revtrace.core.audit.check.PaidTouchpointsWithoutSpend;
import org.revtrace.core.audit.check.SlaBreaches;
import org.revtrace.core.audit.check.SpendWithoutTouchpoints;
import org.revtrace.core.audit.check.StageSkips;
import org.revtrace.core.audit.check.StaleDeals;
import org.revtrace.core.audit.check.TimezoneMismatch;
import org.revtrace.core.audit.check.UtmVariants;
import org.revtrace.core.model.ErrorCode;
import org.revtrace.core.model.Lead;
import org.revtrace.core.model.RowError;
import org.revtrace.core.model.TouchType;
import org.revtrace.core.model.Utm;

/** Worked examples: each check finds exactly the planted records and nothing on clean data. */
class AuditChecksTest {

  private static final Utm NONE = Utm.NONE;

  @Test
  void leadsWithoutSourceCountsTheirRevenueAndHowManyNoVisitExplains() {
    AuditFixture data =
        new AuditFixture()
            .touch("t1", 0, "seo", "v1", utm("google", "organic", null))
            .lead("l1", 1, "c1", "v1", null, NONE) // no source, but a tracked visit
            .lead("l2", 2, "c2", "v2", null, NONE) // no source, nothing tracked
            .lead("l3", 3, "c3", "v3", "seo", NONE)
            .wonDeal("d1", 5, 1_000, "c2", "l2")
            .wonDeal("d2", 5, 3_000, "c3", "l3");

    Finding finding = new LeadsWithoutSource().run(data.input()).orElseThrow();

    assertThat(finding.affected()).isEqualTo(2);
    assertThat(finding.population()).isEqualTo(3);
    assertThat(finding.revenueAffected()).isEqualTo(100_000); // d1's 1,000 RUB in kopecks
    assertThat(finding.examples()).containsExactly("l1", "l2");
    assertThat(finding.detail()).contains("1 of them have no tracked visit");
    assertThat(new LeadsWithoutSource().run(clean().input())).isEmpty();
  }

  @Test
  void mixedSpellingsAreTheRowsNotWrittenInTheirGroupsMostFrequentSpelling() {
    AuditFixture data = new AuditFixture();
    Utm clean = utm("yandex", "cpc", "brand");
    data.touch("t1", 0, "paid_search", "v1", TouchType.VISIT, clean, clean)
        .touch("t2", 0, "paid_search", "v2", TouchType.VISIT, clean, clean)
        .touch("t3", 0, "paid_search", "v3", TouchType.VISIT, utm("Yandex ", "cpc", "brand"), clean)
        .touch("t4", 0, "paid_search", "v4", TouchType.VISIT, utm("ya", "cpc", "BRAND"), clean);

    Finding finding = new UtmVariants().run(data.input()).orElseThrow();

    assertThat(finding.affected()).isEqualTo(2);
    assertThat(finding.population()).isEqualTo(4);
    assertThat(finding.affectedIds()).containsExactly("t3", "t4");
    assertThat(finding.notes()) // in tag order: source, medium, campaign
        .containsExactly(
            "utm_source 'yandex' also written 'Yandex ', 'ya'",
            "utm_campaign 'brand' also written 'BRAND'");
    assertThat(new UtmVariants().run(clean().input())).isEmpty();
  }

  @Test
  void aRareCampaignOneEditFromAFrequentOneOfTheSameSourceIsATypo() {
    AuditFixture data = new AuditFixture();
    for (int i = 0; i < 20; i++) {
      data.touch("a" + i, i, "paid_search", "v" + i, utm("yandex", "cpc", "autumn_sale"));
    }
    data.touch("b1", 1, "paid_search", "w1", utm("yandex", "cpc", "autum_sale"))
        .touch("b2", 2, "paid_search", "w2", utm("yandex", "cpc", "auutmn_sale")) // 2 edits
        .touch("c1", 3, "paid_social", "w3", utm("vk", "cpc", "autum_sale")); // other source

    Finding finding = new CampaignTypos().run(data.input()).orElseThrow();

    assertThat(finding.affected()).isEqualTo(2);
    assertThat(finding.affectedIds()).containsExactly("b1", "b2");
    assertThat(finding.notes())
        .containsExactly(
            "'autum_sale' (1) looks like 'autumn_sale' (20) in yandex",
            "'auutmn_sale' (1) looks like 'autumn_sale' (20) in yandex");
    data.spend(LocalDate.of(2025, 3, 3), "paid_search", "autum_sale", 100);
    assertThat(new CampaignTypos().run(data.input()).orElseThrow().affected())
        .as("a campaign with spend is real")
        .isEqualTo(1);
    assertThat(new CampaignTypos().run(clean().input())).isEmpty();
  }

  @Test
  void aSourceWithoutMediumIsFlagged() {
    AuditFixture data =
        new AuditFixture()
            .touch("t1", 0, "referral", "v1", utm("partner", null, null))
            .touch("t2", 0, "paid_search", "v2", utm("yandex", "cpc", "brand"));

    Finding finding = new MissingMedium().run(data.input()).orElseThrow();

    assertThat(finding.affected()).isEqualTo(1);
    assertThat(finding.population()).isEqualTo(2);
    assertThat(finding.affectedIds()).containsExactly("t1");
    assertThat(finding.notes()).containsExactly("partner (1)");
    assertThat(new MissingMedium().run(clean().input())).isEmpty();
  }

  @Test
  void aLeadOfTheSameEmailInsideTheWindowIsADuplicateAndOutsideItIsNot() {
    AuditFixture data =
        new AuditFixture()
            .lead(lead("l1", 0, "anna@acme.ru", null))
            .lead(lead("l2", 10, "Anna@Acme.ru", null)) // 10 days later: duplicate
            .lead(lead("l3", 45, "anna@acme.ru", null)) // 35 days after l2: a new enquiry
            .lead(lead("l4", 1, null, "+79001234567"))
            .lead(lead("l5", 2, null, "+79001234567"))
            .wonDeal("d1", 12, 500, null, "l2");
    data.errors.add(
        new RowError("leads.csv", 9, "lead_id", ErrorCode.DUPLICATE_ID, "l1,...", "repeated"));

    Finding finding = new DuplicateLeads().run(data.input()).orElseThrow();

    assertThat(finding.examples()).containsExactly("l2", "l5");
    assertThat(finding.affected()).isEqualTo(3); // two duplicates + one repeated row
    assertThat(finding.population()).isEqualTo(6);
    assertThat(finding.revenueAffected()).isEqualTo(50_000);
    assertThat(new DuplicateLeads().run(clean().input())).isEmpty();
  }

  @Test
  void contactsSharingAnEmailOrPhoneAreDuplicates() {
    AuditFixture data =
        new AuditFixture()
            .contact("c1", "ivan@acme.ru", null)
            .contact("c2", "IVAN@acme.ru", null)
            .contact("c3", null, "+79000000001")
            .contact("c4", "olga@acme.ru", "+79000000001")
            .contact("c5", "petr@acme.ru", null);

    Finding finding = new DuplicateContacts().run(data.input()).orElseThrow();

    assertThat(finding.examples()).containsExactly("c2", "c4");
    assertThat(finding.population()).isEqualTo(5);
    assertThat(new DuplicateContacts().run(clean().input())).isEmpty();
  }

  @Test
  void leadsMarkedAsEnteredByHandAreManualEntries() {
    AuditFixture data =
        new AuditFixture()
            .lead("l1", 0, "c1", null, "manual", NONE)
            .lead("l2", 0, "c2", null, null, utm("Вручную", null, null))
            .lead("l3", 0, "c3", null, "email", utm("crm", "email", "nurture"))
            .wonDeal("d1", 3, 700, "c1", "l1");

    Finding finding = new ManualEntries().run(data.input()).orElseThrow();

    assertThat(finding.examples()).containsExactly("l1", "l2");
    assertThat(finding.revenueAffected()).isEqualTo(70_000);
    assertThat(new ManualEntries().run(clean().input())).isEmpty();
  }

  @Test
  void formLeadsCreatedAWholeNumberOfHoursAfterTheirFormAreATimeZoneMismatch() {
    AuditFixture shifted = new AuditFixture();
    AuditFixture aligned = new AuditFixture();
    for (int i = 0; i < 24; i++) {
      double day = i * 2;
      Utm tags = utm("yandex", "cpc", "brand");
      shifted.touch("f" + i, day, "paid_search", "v" + i, TouchType.FORM, tags, tags);
      aligned.touch("f" + i, day, "paid_search", "v" + i, TouchType.FORM, tags, tags);
      // 18 of 24 leads three hours (plus a few seconds) after their form: Moscow time read as UTC
      double lag = i < 18 ? 3 / 24.0 + 5 / 86_400.0 : 40 / 86_400.0;
      shifted.lead("l" + i, day + lag, "c" + i, "v" + i, "paid_search", tags);
      aligned.lead("l" + i, day + 40 / 86_400.0, "c" + i, "v" + i, "paid_search", tags);
    }

    Finding finding = new TimezoneMismatch().run(shifted.input()).orElseThrow();

    assertThat(finding.affected()).isEqualTo(18);
    assertThat(finding.population()).isEqualTo(24);
    assertThat(finding.detail()).contains("3 h after");
    assertThat(new TimezoneMismatch().run(aligned.input())).isEmpty();
  }

  @Test
  void spendAndPaidTouchpointsThatDoNotMeetAreFlaggedBothWays() {
    AuditFixture data =
        new AuditFixture()
            .spend(LocalDate.of(2025, 3, 3), "paid_search", "brand", 1_000)
            .spend(LocalDate.of(2025, 3, 4), "paid_search", "ghost", 250)
            .spend(LocalDate.of(2025, 3, 5), "paid_search", "ghost", 150)
            .touch("t1", 0, "paid_search", "v1", utm("yandex", "cpc", "brand"))
            .touch("t2", 0, "paid_social", "v2", utm("vk", "cpc", "free_ride"))
            .touch("t3", 0, "seo", "v3", utm("google", "organic", null));

    Finding spend = new SpendWithoutTouchpoints().run(data.input()).orElseThrow();
    assertThat(spend.affected()).isEqualTo(2);
    assertThat(spend.population()).isEqualTo(3);
    assertThat(spend.spendAffected()).isEqualTo(40_000);
    assertThat(spend.examples()).containsExactly("paid_search/ghost");

    Finding touches = new PaidTouchpointsWithoutSpend().run(data.input()).orElseThrow();
    assertThat(touches.affected()).isEqualTo(1);
    assertThat(touches.population()).isEqualTo(2);
    assertThat(touches.affectedIds()).containsExactly("t2");
    assertThat(touches.notes()).containsExactly("paid_social/free_ride");

    assertThat(new SpendWithoutTouchpoints().run(clean().input())).isEmpty();
    assertThat(new PaidTouchpointsWithoutSpend().run(clean().input())).isEmpty();
  }

  @Test
  void dealsWithoutLeadOrWithoutAnyoneToFollowAreFlaggedWithTheirMoney() {
    AuditFixture data =
        new AuditFixture()
            .lead("l1", 0, "c1", "v1", "seo", NONE)
            .wonDeal("d1", 1, 1_000, "c1", "l1")
            .wonDeal("d2", 1, 2_000, "c9", null) // no lead, a contact
            .openDeal("d3", 1, 4_000, null, "l-missing"); // unknown lead, nobody

    Finding withoutLead = new DealsWithoutLead().run(data.input()).orElseThrow();
    assertThat(withoutLead.examples()).containsExactly("d2", "d3");
    assertThat(withoutLead.revenueAffected()).isEqualTo(200_000);
    assertThat(withoutLead.pipelineAffected()).isEqualTo(400_000);

    Finding withoutContact = new DealsWithoutContact().run(data.input()).orElseThrow();
    assertThat(withoutContact.examples()).containsExactly("d3");
    assertThat(withoutContact.pipelineAffected()).isEqualTo(400_000);

    assertThat(new DealsWithoutLead().run(clean().input())).isEmpty();
    assertThat(new DealsWithoutContact().run(clean().input())).isEmpty();
  }

  @Test
  void stageHistoriesThatJumpForwardOrMoveBackAreFlaggedSeparately() {
    AuditFixture data =
        new AuditFixture()
            .wonDeal("d1", 0, 100, "c1", null)
            .stages("d1", 0, "sql", "meeting", "proposal", "negotiation", "won")
            .wonDeal("d2", 0, 200, "c2", null)
            .stages("d2", 0, "sql", "proposal", "won") // skips meeting and negotiation
            .openDeal("d3", 0, 300, "c3", null)
            .stages("d3", 0, "sql", "meeting", "proposal", "meeting") // back
            .openDeal("d4", 0, 400, "c4", null)
            .stages("d4", 0, "sql", "meeting", "lost"); // lost is neither

    Finding skips = new StageSkips().run(data.input()).orElseThrow();
    assertThat(skips.examples()).containsExactly("d2");
    assertThat(skips.population()).isEqualTo(4);
    assertThat(skips.revenueAffected()).isEqualTo(20_000);

    Finding back = new BackwardMoves().run(data.input()).orElseThrow();
    assertThat(back.examples()).containsExactly("d3");
    assertThat(back.pipelineAffected()).isEqualTo(30_000);

    assertThat(new StageSkips().run(clean().input())).isEmpty();
    assertThat(new BackwardMoves().run(clean().input())).isEmpty();
  }

  @Test
  void openDealsIdleLongerThanTheThresholdAreStale() {
    AuditFixture data =
        new AuditFixture()
            .openDeal("d1", 0, 1_000, "c1", null)
            .stages("d1", 0, "sql")
            .openDeal("d2", 0, 2_000, "c2", null)
            .stages("d2", 50, "sql");

    Finding finding = new StaleDeals().run(data.input(at(60))).orElseThrow();

    assertThat(finding.examples()).containsExactly("d1");
    assertThat(finding.population()).isEqualTo(2);
    assertThat(finding.pipelineAffected()).isEqualTo(100_000);
    assertThat(new StaleDeals().run(clean().input())).isEmpty();
  }

  @Test
  void leadsAnsweredLateOrNeverAreSplitLikeTheFunnelDoes() {
    AuditFixture data =
        new AuditFixture()
            .lead(answered("l1", 0, 30)) // within the hour
            .lead(answered("l2", 0, 61)) // late
            .lead(answered("l3", 0, -1)) // never, SLA long over
            .lead(answered("l4", 59.99, -1)); // 14 minutes before the reference: pending

    AuditInput input = data.input(at(60));
    Finding never = new MissingFirstResponse().run(input).orElseThrow();
    assertThat(never.examples()).containsExactly("l3");
    assertThat(never.population()).isEqualTo(3);
    Finding late = new SlaBreaches().run(input).orElseThrow();
    assertThat(late.examples()).containsExactly("l2");
    assertThat(late.population()).isEqualTo(3);

    assertThat(new MissingFirstResponse().run(clean().input())).isEmpty();
    assertThat(new SlaBreaches().run(clean().input())).isEmpty();
  }

  @Test
  void rowsWithoutAnExchangeRateAreCurrencyGaps() {
    AuditFixture data = new AuditFixture().wonDeal("d1", 0, 100, "c1", null);
    data.errors.add(
        new RowError("payments.csv", 4, "currency", ErrorCode.MISSING_RATE, "", "no KZT rate"));
    data.errors.add(new RowError("spend.csv", 7, "date", ErrorCode.BAD_DATE, "", "bad date"));

    Finding finding = new CurrencyGaps().run(data.input()).orElseThrow();

    assertThat(finding.affected()).isEqualTo(1);
    assertThat(finding.affectedIds()).containsExactly("payments.csv:4");
    assertThat(finding.notes()).containsExactly("payments.csv: 1");
    assertThat(new CurrencyGaps().run(clean().input())).isEmpty();
  }

  @Test
  void aRegularSpendFeedSilentForLongerThanTheGapHasStoppedWithItsMissedSpendEstimated() {
    AuditFixture data = new AuditFixture();
    LocalDate start = LocalDate.of(2025, 1, 1);
    for (int day = 0; day < 60; day++) {
      data.spend(start.plusDays(day), "paid_search", "brand", 100);
      if (day < 40) {
        data.spend(start.plusDays(day), "paid_social", "vk_lookalike", 280);
      }
    }
    data.touch("t1", 0, "paid_search", "v1", utm("yandex", "cpc", "brand"));

    Finding finding = new FeedStopped().run(data.input()).orElseThrow();

    assertThat(finding.affected()).isEqualTo(1);
    assertThat(finding.affectedIds()).containsExactly("spend:paid_social");
    assertThat(finding.notes())
        .containsExactly("spend:paid_social (last row 2025-02-09, silent 22 days)");
    // the data end is the touchpoint of 2025-03-03
    assertThat(finding.spendAffected()).as("280 RUB a day × 22 days").isEqualTo(616_000);
    assertThat(new FeedStopped().run(clean().input())).isEmpty();
  }

  @Test
  void theAuditOrdersFindingsByHorizonThenMoneyAndScoresTheShares() {
    AuditFixture data =
        new AuditFixture()
            .touch("t1", 0, "referral", "v1", utm("partner", null, null))
            .lead("l1", 1, "c1", "v1", "manual", NONE)
            .wonDeal("d1", 2, 1_000, "c1", null);

    AuditReport report = Audit.standard().run(data.input());

    assertThat(report.findings())
        .extracting(Finding::code)
        .containsExactly(
            "MISSING_FIRST_RESPONSE", // quick wins first, the most money first within them
            "UTM_MISSING_MEDIUM",
            "DEALS_WITHOUT_LEAD",
            "MANUAL_ENTRIES");
    assertThat(report.findings().get(2).revenueAffected())
        .isGreaterThan(report.findings().get(3).revenueAffected());
    double meanShare = 4.0 / report.checks().size();
    assertThat(report.score()).isEqualTo(Math.round(1000 * (1 - meanShare)) / 10.0);
    assertThat(report.totalRevenue()).isEqualTo(100_000);
    assertThat(report.dataMap().links())
        .filteredOn(link -> link.from().equals("deals") && link.to().equals("leads"))
        .singleElement()
        .satisfies(link -> assertThat(link.coverage()).isZero());
  }

  /** A small data set with nothing wrong: every check must stay silent on it. */
  static AuditFixture clean() {
    AuditFixture data = new AuditFixture();
    LocalDate start = LocalDate.of(2025, 3, 3);
    for (int i = 0; i < 3; i++) {
      Utm tags = utm("yandex", "cpc", "brand_search");
      data.touch("t" + i, i, "paid_search", "v" + i, TouchType.FORM, tags, tags)
          .lead(
              new Lead(
                  "l" + i,
                  at(i + 1 / 1440.0),
                  "c" + i,
                  null,
                  "v" + i,
                  "p" + i + "@acme.ru",
                  null,
                  "paid_search",
                  tags,
                  null,
                  null,
                  at(i + 0.01)))
          .contact("c" + i, "p" + i + "@acme.ru", null)
          .wonDeal("d" + i, i + 2, 1_000, "c" + i, "l" + i)
          .stages("d" + i, i + 2, "sql", "meeting", "proposal", "negotiation", "won")
          .spend(start.plusDays(i), "paid_search", "brand_search", 100);
    }
    return data;
  }

  private static Lead lead(String id, double day, String email, String phone) {
    return new Lead(id, at(day), null, null, null, email, phone, "seo", NONE, null, null, null);
  }

  private static Lead answered(String id, double day, int minutes) {
    return new Lead(
        id,
        at(day),
        null,
        null,
        null,
        null,
        null,
        "seo",
        NONE,
        null,
        null,
        minutes < 0 ? null : at(day + minutes / 1440.0));
  }

  @SuppressWarnings("unused")
  private static Optional<Finding> none() {
    return Optional.empty();
  }
}
