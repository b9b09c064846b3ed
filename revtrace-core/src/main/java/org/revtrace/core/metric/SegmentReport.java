package org.revtrace.core.metric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.revtrace.core.attribution.Attribution;
import org.revtrace.core.attribution.AttributionModel;
import org.revtrace.core.attribution.AttributionModels;
import org.revtrace.core.attribution.HalfLife;
import org.revtrace.core.dataset.Dataset;
import org.revtrace.core.dataset.Dictionary;
import org.revtrace.core.journey.Goal;
import org.revtrace.core.journey.JourneyBuilder;
import org.revtrace.core.journey.Journeys;
import org.revtrace.core.journey.ValueKind;
import org.revtrace.core.model.Allocation;

/**
 * The report split by a segment of the converting account (industry, size, region, tier) or deal
 * (product): seed 000's "ROI by tier", LTV:CAC by segment.
 *
 * <p>A conversion belongs to the segment of its lead's or deal's account; conversions of accounts
 * without the attribute fall in {@code (none)}. Funnel counts and revenue of a segment are its own
 * conversions (no attribution needed: the segment is a property of the buyer, not of a touch).
 * Costs are not recorded per segment, so each channel's spend and costs are shared among segments
 * in proportion to the leads the model credits that channel within each segment (to the kopeck,
 * largest remainder); a channel whose cost has no lead to follow stays in an {@code (unallocated)}
 * row, so segments plus that row add up to the totals. Definitions: docs/definitions/segments.md.
 */
public final class SegmentReport {

  /** Key of conversions whose account (or deal) lacks the attribute. */
  public static final String NONE = "(none)";

  /** Key of costs no lead can carry to a segment. */
  public static final String UNALLOCATED = "(unallocated)";

  private SegmentReport() {}

  public static List<MetricRow> compute(Dataset data, ReportRequest request, Segment segment) {
    AttributionModel model =
        AttributionModels.create(
            request.model(), request.settings(), HalfLife.fromSalesCycle(data));
    boolean nullPaths = request.settings().needsNonConverting(request.model());
    Dictionary keys = new Dictionary();
    Map<Goal, Journeys> journeys = new EnumMap<>(Goal.class);
    Map<Goal, int[]> segmentOf = new EnumMap<>(Goal.class);
    for (Goal stage : Goal.values()) {
      Journeys built = JourneyBuilder.build(data, request.journeyOptions(stage, nullPaths));
      journeys.put(stage, built);
      segmentOf.put(stage, segments(data, built, stage, segment, keys));
    }
    int segments = keys.size();
    double[][] counts = new double[Goal.values().length][segments];
    long[][] values = new long[ValueKind.values().length][segments];
    for (Goal stage : Goal.values()) {
      Journeys built = journeys.get(stage);
      int[] of = segmentOf.get(stage);
      for (int j = 0; j < built.size(); j++) {
        if (!built.converted()[j]) {
          continue;
        }
        counts[stage.ordinal()][of[j]]++;
        if (stage == Goal.WON) {
          for (ValueKind kind : ValueKind.values()) {
            values[kind.ordinal()][of[j]] += built.values(kind)[j];
          }
        }
      }
    }
    PeriodFacts facts = new PeriodFacts(data, request);
    int channelCount = data.keys(request.dimension()).size();
    long[] marketingCost = new long[channelCount];
    long[] acquisitionCost = new long[channelCount];
    facts.allocateCosts(marketingCost, acquisitionCost);
    double[][] leadCredit =
        leadCreditBySegment(
            journeys.get(Goal.LEAD), segmentOf.get(Goal.LEAD), segments, channelCount, model);
    long[][] shared = new long[5][segments + 1];
    for (int c = 0; c < channelCount; c++) {
      long[] channelFacts = {
        facts.channelSpend[c],
        marketingCost[c],
        acquisitionCost[c],
        facts.channelImpressions[c],
        facts.channelClicks[c]
      };
      double[] weights = new double[segments + 1];
      double sum = 0;
      for (int g = 0; g < segments; g++) {
        weights[g] = leadCredit[g][c];
        sum += weights[g];
      }
      if (sum == 0) {
        weights[segments] = 1;
      }
      for (int f = 0; f < channelFacts.length; f++) {
        if (channelFacts[f] == 0) {
          continue;
        }
        long[] parts = Allocation.largestRemainder(channelFacts[f], weights);
        for (int g = 0; g <= segments; g++) {
          shared[f][g] += parts[g];
        }
      }
    }
    List<MetricRow> rows = new ArrayList<>();
    for (int g = 0; g <= segments; g++) {
      String key = g < segments ? keys.decode(g) : UNALLOCATED;
      MetricRow row =
          new MetricRow(
              key,
              shared[0][g],
              shared[1][g],
              shared[2][g],
              shared[3][g],
              shared[4][g],
              g < segments ? counts[Goal.LEAD.ordinal()][g] : 0,
              g < segments ? counts[Goal.MQL.ordinal()][g] : 0,
              g < segments ? counts[Goal.SQL.ordinal()][g] : 0,
              g < segments ? counts[Goal.OPPORTUNITY.ordinal()][g] : 0,
              g < segments ? counts[Goal.WON.ordinal()][g] : 0,
              g < segments ? values[ValueKind.REVENUE.ordinal()][g] : 0,
              g < segments ? values[ValueKind.AMOUNT.ordinal()][g] : 0,
              g < segments ? values[ValueKind.LIFETIME.ordinal()][g] : 0,
              g < segments ? counts[request.goal().ordinal()][g] : 0);
      if (g < segments || row.spend() != 0 || row.acquisitionCost() != 0) {
        rows.add(row);
      }
    }
    rows.sort(java.util.Comparator.comparing(MetricRow::key));
    return rows;
  }

  /** The model's lead credit per channel within each segment's lead journeys. */
  private static double[][] leadCreditBySegment(
      Journeys leads, int[] segmentOf, int segments, int channels, AttributionModel model) {
    double[][] credit = new double[segments][channels];
    for (int g = 0; g < segments; g++) {
      final int segment = g;
      Journeys own = leads.select(j -> !leads.converted()[j] || segmentOf[j] == segment);
      if (own.conversionCount() == 0) {
        continue;
      }
      Attribution attribution = model.attribute(own);
      for (int c = 0; c < channels; c++) {
        credit[g][c] = attribution.channelConversions(c);
      }
    }
    return credit;
  }

  /** The segment key of each journey's conversion (non-converting journeys get -1). */
  private static int[] segments(
      Dataset data, Journeys journeys, Goal stage, Segment segment, Dictionary keys) {
    int[] of = new int[journeys.size()];
    Arrays.fill(of, -1);
    for (int j = 0; j < journeys.size(); j++) {
      int subject = journeys.subject()[j];
      if (subject < 0) {
        continue;
      }
      String value =
          switch (stage) {
            case LEAD, MQL, SQL -> leadSegment(data, subject, segment);
            case OPPORTUNITY, WON -> dealSegment(data, subject, segment);
          };
      of[j] = keys.encode(value == null ? NONE : value);
    }
    return of;
  }

  private static String leadSegment(Dataset data, int lead, Segment segment) {
    return segment == Segment.PRODUCT
        ? null
        : accountSegment(data, data.leadAccount()[lead], segment);
  }

  private static String dealSegment(Dataset data, int deal, Segment segment) {
    if (segment == Segment.PRODUCT) {
      int product = data.dealProduct()[deal];
      return product < 0 ? null : data.products().decode(product);
    }
    return accountSegment(data, data.dealAccount()[deal], segment);
  }

  private static String accountSegment(Dataset data, int account, Segment segment) {
    if (account < 0) {
      return null;
    }
    return switch (segment) {
      case INDUSTRY -> data.accountIndustry()[account];
      case SIZE -> data.accountSize()[account];
      case REGION -> data.accountRegion()[account];
      case TIER -> data.accountTier()[account];
      case PRODUCT -> null;
    };
  }
}
