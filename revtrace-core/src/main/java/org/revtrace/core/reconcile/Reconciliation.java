package org.revtrace.core.reconcile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Reconciliation: per campaign and period, what the ad platform reports, what the tracker saw and
 * what the CRM holds, side by side, with the gaps between them and a reason for each part of a gap
 * that can be named (docs/definitions/reconciliation.md).
 *
 * <p>Definition. The campaigns are the utm_campaign values of the spend rows (as normalised).
 * Platform numbers are the spend rows' clicks, conversions and cost on their report day. Tracked
 * visits are arrivals (touchpoints of type ad_click or visit) tagged with the campaign, on their
 * day in the report's zone; tracked leads are leads whose journey (touches sharing the lead's
 * visitor or contact id) has a touch of the campaign within the lookback before the lead, or whose
 * own utm_campaign is the campaign; CRM leads are those whose own utm_campaign is it; deals and won
 * revenue are those of the tracked leads, counted in the lead's period. A lead tied to two
 * campaigns counts for both.
 *
 * <p>Gaps: clicks ({@code platform clicks - tracked visits}), conversions ({@code platform
 * conversions - tracked leads}, when the platform reports conversions) and leads ({@code tracked
 * leads - CRM leads}). Reasons are applied in the order of {@link ReasonCode}; each explains at
 * most what the earlier ones left, and only when it points the way of the gap. Pooled causes (leads
 * without visitor id, untagged traffic of a channel) are not tied to one campaign: a pool is shared
 * among the campaigns of its period (and channel) in proportion to what each has left to explain,
 * whole records, largest remainders first, so no record explains two campaigns' gaps.
 *
 * <p>Edge cases: spend rows without campaign are not reconciled; touches and leads of campaigns
 * without spend are not listed; a period is listed when any of its numbers is non-zero; money that
 * cannot be converted for want of a rate is left out and counted in {@link
 * ReconciliationReport#unconverted()}.
 */
public final class Reconciliation {

  private Reconciliation() {}

  /** Reconciles the input under the settings. */
  public static ReconciliationReport compute(
      ReconciliationInput input, ReconciliationSettings settings) {
    Facts facts = new Facts(input, settings);
    Period period = settings.period();
    List<ReconciliationRow> rows = rows(facts, period::start, period::end, false);
    // One bucket for the whole range: the totals are computed, not summed from the periods.
    LocalDate whole = LocalDate.EPOCH;
    List<ReconciliationRow> totals = rows(facts, day -> whole, key -> whole, true);
    return new ReconciliationReport(
        settings, rows, totals, input.versionsKnown(), facts.unconverted);
  }

  /** The per-campaign accumulators of one bucket. */
  private static final class Cell {
    final String campaign;
    final LocalDate key;
    LocalDate first;
    LocalDate last;
    long platformClicks;
    BigDecimal platformConversions;
    long platformSpend;
    long adClicks;
    long visits;
    long visitsByPlatformDay;
    final List<String> visitsMoved = new ArrayList<>();
    final List<String> duplicateArrivals = new ArrayList<>();
    long trackedLeads;
    long trackedLeadsByPlatformDay;
    final List<String> leadsMoved = new ArrayList<>();
    final List<String> duplicateLeads = new ArrayList<>();
    final List<String> leadsWithoutOwnCampaign = new ArrayList<>();
    long crmLeads;
    long deals;
    long wonDeals;
    long wonRevenue;
    final List<String> windowLeads = new ArrayList<>();
    final List<String> restated = new ArrayList<>();
    long restatedClicks;
    BigDecimal restatedConversions;
    long restatedCost;
    GapBuilder clicks;
    GapBuilder conversions;
    GapBuilder leads;

    Cell(String campaign, LocalDate key) {
      this.campaign = campaign;
      this.key = key;
    }

    void saw(LocalDate day) {
      first = first == null || day.isBefore(first) ? day : first;
      last = last == null || day.isAfter(last) ? day : last;
    }
  }

  private static List<ReconciliationRow> rows(
      Facts facts, UnaryOperator<LocalDate> bucket, UnaryOperator<LocalDate> end, boolean whole) {
    ReconciliationSettings settings = facts.settings;
    Map<String, TreeMap<LocalDate, Cell>> cells = new TreeMap<>();
    java.util.function.BiFunction<String, LocalDate, Cell> cell =
        (campaign, day) -> {
          LocalDate key = bucket.apply(day);
          Cell found =
              cells
                  .computeIfAbsent(campaign, c -> new TreeMap<>())
                  .computeIfAbsent(key, k -> new Cell(campaign, k));
          found.saw(day);
          return found;
        };
    for (Facts.SpendFact row : facts.spend) {
      if (settings.contains(row.day())) {
        Cell target = cell.apply(row.campaign(), row.day());
        target.platformClicks += row.clicks();
        target.platformSpend += row.cost();
        if (row.conversions() != null) {
          target.platformConversions =
              Facts.zero(target.platformConversions).add(row.conversions());
        }
      }
    }
    for (Facts.Arrival arrival : facts.arrivals) {
      boolean counted = settings.contains(arrival.day());
      boolean platformCounted = settings.contains(arrival.platformDay());
      Cell reported = counted ? cell.apply(arrival.campaign(), arrival.day()) : null;
      Cell platform =
          platformCounted ? cell.apply(arrival.campaign(), arrival.platformDay()) : null;
      if (reported != null) {
        reported.visits++;
        reported.adClicks += arrival.adClick() ? 1 : 0;
        if (arrival.duplicate()) {
          reported.duplicateArrivals.add(arrival.id());
        }
      }
      if (platform != null) {
        platform.visitsByPlatformDay++;
      }
      if (reported != platform) {
        for (Cell moved : new Cell[] {reported, platform}) {
          if (moved != null) {
            moved.visitsMoved.add(arrival.id());
          }
        }
      }
    }
    for (Facts.TrackedLead lead : facts.trackedLeads) {
      Cell reported =
          settings.contains(lead.day()) ? cell.apply(lead.campaign(), lead.day()) : null;
      Cell platform =
          settings.contains(lead.platformDay())
              ? cell.apply(lead.campaign(), lead.platformDay())
              : null;
      if (reported != null) {
        reported.trackedLeads++;
        reported.crmLeads += lead.crm() ? 1 : 0;
        reported.deals += lead.deals();
        reported.wonDeals += lead.won();
        reported.wonRevenue += lead.revenue();
        if (lead.duplicate()) {
          reported.duplicateLeads.add(lead.id());
        }
        if (!lead.ownCampaign()) {
          reported.leadsWithoutOwnCampaign.add(lead.id());
        }
      }
      if (platform != null) {
        platform.trackedLeadsByPlatformDay++;
      }
      if (reported != platform) {
        for (Cell moved : new Cell[] {reported, platform}) {
          if (moved != null) {
            moved.leadsMoved.add(lead.id());
          }
        }
      }
    }
    for (Facts.WindowLead lead : facts.windowLeads) {
      if (settings.contains(lead.day())) {
        cell.apply(lead.campaign(), lead.day()).windowLeads.add(lead.id());
      }
    }
    for (Facts.Restatement restatement : facts.restatements) {
      if (settings.contains(restatement.day())) {
        Cell target = cell.apply(restatement.campaign(), restatement.day());
        target.restated.add(restatement.id());
        target.restatedClicks += restatement.clicks();
        target.restatedCost += restatement.cost();
        if (restatement.conversions() != null) {
          target.restatedConversions =
              Facts.zero(target.restatedConversions).add(restatement.conversions());
        }
      }
    }
    List<Cell> all = new ArrayList<>();
    cells.values().forEach(byKey -> all.addAll(byKey.values()));
    for (Cell c : all) {
      namedReasons(c);
    }
    pooled(all, facts.unjoinableLeads, bucket, facts, false, ReasonCode.MISSING_VISITOR_ID);
    pooled(all, facts.untaggedLeads, bucket, facts, true, ReasonCode.UNTAGGED_TRAFFIC);
    pooledArrivals(all, facts, bucket, settings);
    List<ReconciliationRow> rows = new ArrayList<>();
    for (Cell c : all) {
      rows.add(row(c, facts, settings, end, whole));
    }
    return rows;
  }

  /** The reasons tied to one campaign: restatement, time zone, duplicates, window, CRM fields. */
  private static void namedReasons(Cell c) {
    c.clicks =
        new GapBuilder(
            GapKind.CLICKS, BigDecimal.valueOf(c.platformClicks), BigDecimal.valueOf(c.visits));
    if (!c.restated.isEmpty()) {
      c.clicks.apply(
          ReasonCode.RESTATED_SPEND,
          BigDecimal.valueOf(c.restatedClicks),
          c.restated.size(),
          c.restated,
          "the platform restated "
              + c.restated.size()
              + " spend rows since their first import: clicks "
              + signed(BigDecimal.valueOf(c.restatedClicks))
              + ", cost "
              + signed(BigDecimal.valueOf(c.restatedCost))
              + " (minor units)");
    }
    c.clicks.apply(
        ReasonCode.TIME_ZONE,
        BigDecimal.valueOf(c.visitsByPlatformDay - c.visits),
        c.visitsMoved.size(),
        c.visitsMoved,
        c.visitsMoved.size()
            + " tagged arrivals fall into another period on the platform's days; counted on them"
            + " the tracker has "
            + c.visitsByPlatformDay
            + " instead of "
            + c.visits);
    c.clicks.apply(
        ReasonCode.DUPLICATES,
        BigDecimal.valueOf(-c.duplicateArrivals.size()),
        c.duplicateArrivals.size(),
        c.duplicateArrivals,
        c.duplicateArrivals.size()
            + " tagged arrivals repeat one of the same person and campaign within a session");
    if (c.platformConversions != null) {
      c.conversions =
          new GapBuilder(
              GapKind.CONVERSIONS, c.platformConversions, BigDecimal.valueOf(c.trackedLeads));
      if (!c.restated.isEmpty() && c.restatedConversions != null) {
        c.conversions.apply(
            ReasonCode.RESTATED_SPEND,
            c.restatedConversions,
            c.restated.size(),
            c.restated,
            "the platform restated its conversions by "
                + signed(c.restatedConversions)
                + " since the first import");
      }
      c.conversions.apply(
          ReasonCode.TIME_ZONE,
          BigDecimal.valueOf(c.trackedLeadsByPlatformDay - c.trackedLeads),
          c.leadsMoved.size(),
          c.leadsMoved,
          c.leadsMoved.size() + " tracked leads fall into another period on the platform's days");
      c.conversions.apply(
          ReasonCode.DUPLICATES,
          BigDecimal.valueOf(-c.duplicateLeads.size()),
          c.duplicateLeads.size(),
          c.duplicateLeads,
          c.duplicateLeads.size()
              + " tracked leads repeat an earlier lead of the same person (visitor, contact,"
              + " e-mail or phone)");
      c.conversions.apply(
          ReasonCode.ATTRIBUTION_WINDOW,
          BigDecimal.valueOf(c.windowLeads.size()),
          c.windowLeads.size(),
          c.windowLeads,
          c.windowLeads.size()
              + " leads touched the campaign only before the lookback; a platform with a longer"
              + " window counts them");
    }
    c.leads =
        new GapBuilder(
            GapKind.LEADS, BigDecimal.valueOf(c.trackedLeads), BigDecimal.valueOf(c.crmLeads));
    c.leads.apply(
        ReasonCode.UNTAGGED_TRAFFIC,
        BigDecimal.valueOf(c.leadsWithoutOwnCampaign.size()),
        c.leadsWithoutOwnCampaign.size(),
        c.leadsWithoutOwnCampaign,
        c.leadsWithoutOwnCampaign.size()
            + " tracked leads have no utm_campaign of their own in the CRM; only their journey"
            + " ties them to the campaign");
  }

  /** Pooled lead causes of the conversions gap, shared per period (and channel, when tagged). */
  private static void pooled(
      List<Cell> cells,
      List<Facts.Pooled> records,
      UnaryOperator<LocalDate> bucket,
      Facts facts,
      boolean byChannel,
      ReasonCode code) {
    ReconciliationSettings settings = facts.settings;
    Map<List<Object>, List<String>> pools = new TreeMap<>(Reconciliation::comparePoolKeys);
    for (Facts.Pooled record : records) {
      if (settings.contains(record.day())) {
        pools
            .computeIfAbsent(
                List.of(bucket.apply(record.day()), byChannel ? record.key() : ""),
                k -> new ArrayList<>())
            .add(record.id());
      }
    }
    pools.forEach(
        (key, ids) -> {
          List<Cell> claimants = new ArrayList<>();
          for (Cell c : cells) {
            if (c.key.equals(key.get(0))
                && c.conversions != null
                && (!byChannel || key.get(1).equals(facts.channelOf.get(c.campaign)))) {
              claimants.add(c);
            }
          }
          share(
              claimants,
              c -> c.conversions,
              ids,
              code,
              code == ReasonCode.MISSING_VISITOR_ID
                  ? "leads without visitor id join no touch"
                  : "leads arrived through untagged visits of the channel");
        });
  }

  private static void pooledArrivals(
      List<Cell> cells, Facts facts, UnaryOperator<LocalDate> bucket, ReconciliationSettings s) {
    Map<List<Object>, List<String>> pools = new TreeMap<>(Reconciliation::comparePoolKeys);
    for (Facts.Pooled record : facts.untaggedArrivals) {
      if (s.contains(record.day())) {
        pools
            .computeIfAbsent(
                List.of(bucket.apply(record.day()), record.key()), k -> new ArrayList<>())
            .add(record.id());
      }
    }
    pools.forEach(
        (key, ids) -> {
          List<Cell> claimants = new ArrayList<>();
          for (Cell c : cells) {
            if (c.key.equals(key.get(0)) && key.get(1).equals(facts.channelOf.get(c.campaign))) {
              claimants.add(c);
            }
          }
          share(
              claimants,
              c -> c.clicks,
              ids,
              ReasonCode.UNTAGGED_TRAFFIC,
              "arrivals of the channel carry no campaign tag");
        });
  }

  private static int comparePoolKeys(List<Object> a, List<Object> b) {
    int byDay = ((LocalDate) a.get(0)).compareTo((LocalDate) b.get(0));
    return byDay != 0 ? byDay : ((String) a.get(1)).compareTo((String) b.get(1));
  }

  /**
   * Hands a pool of records to the gaps that still have a positive remainder: each claims the whole
   * records it could use; when the pool is smaller than the claims, it is split in proportion,
   * largest remainders first (ties by campaign), so the shares add up to the pool.
   */
  private static void share(
      List<Cell> claimants,
      java.util.function.Function<Cell, GapBuilder> gap,
      List<String> pool,
      ReasonCode code,
      String what) {
    List<Cell> claiming = new ArrayList<>();
    long[] claims = new long[claimants.size()];
    long total = 0;
    for (Cell c : claimants) {
      BigDecimal remaining = gap.apply(c).remaining();
      if (remaining.signum() > 0) {
        claims[claiming.size()] = remaining.setScale(0, RoundingMode.CEILING).longValueExact();
        total += claims[claiming.size()];
        claiming.add(c);
      }
    }
    if (claiming.isEmpty()) {
      return;
    }
    long size = pool.size();
    long[] shares = new long[claiming.size()];
    if (total <= size) {
      System.arraycopy(claims, 0, shares, 0, shares.length);
    } else {
      long given = 0;
      long[] remainders = new long[shares.length];
      for (int i = 0; i < shares.length; i++) {
        shares[i] = Math.multiplyExact(size, claims[i]) / total;
        remainders[i] = Math.multiplyExact(size, claims[i]) % total;
        given += shares[i];
      }
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < shares.length; i++) {
        order.add(i);
      }
      order.sort(
          Comparator.<Integer>comparingLong(i -> -remainders[i])
              .thenComparing(i -> claiming.get(i).campaign));
      for (int i = 0; given < size; i++, given++) {
        shares[order.get(i)]++;
      }
    }
    int offset = 0;
    for (int i = 0; i < shares.length; i++) {
      List<String> ids = pool.subList(offset, (int) (offset + shares[i]));
      offset += (int) shares[i];
      gap.apply(claiming.get(i))
          .apply(
              code,
              BigDecimal.valueOf(shares[i]),
              shares[i],
              ids,
              shares[i]
                  + " of the period's "
                  + size
                  + " "
                  + what
                  + " (a pool shared by "
                  + claiming.size()
                  + " campaigns)");
    }
  }

  private static ReconciliationRow row(
      Cell c,
      Facts facts,
      ReconciliationSettings settings,
      UnaryOperator<LocalDate> end,
      boolean whole) {
    LocalDate from;
    LocalDate to;
    if (whole) {
      // The whole range: from the settings, else the days seen.
      from = settings.from() != null ? settings.from() : c.first;
      to = settings.to() != null ? settings.to() : c.last;
    } else {
      from = settings.from() != null && settings.from().isAfter(c.key) ? settings.from() : c.key;
      LocalDate last = end.apply(c.key);
      to = settings.to() != null && settings.to().isBefore(last) ? settings.to() : last;
    }
    List<Gap> gaps = new ArrayList<>();
    gaps.add(c.clicks.build());
    if (c.conversions != null) {
      gaps.add(c.conversions.build());
    }
    gaps.add(c.leads.build());
    return new ReconciliationRow(
        c.campaign,
        facts.channelOf.get(c.campaign),
        from,
        to,
        c.platformClicks,
        c.platformConversions,
        c.platformSpend,
        c.adClicks,
        c.visits,
        c.trackedLeads,
        c.crmLeads,
        c.deals,
        c.wonDeals,
        c.wonRevenue,
        gaps);
  }

  private static String signed(BigDecimal value) {
    return (value.signum() > 0 ? "+" : "") + value.toPlainString();
  }
}
