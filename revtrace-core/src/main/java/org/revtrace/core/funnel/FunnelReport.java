package org.revtrace.core.funnel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.revtrace.core.dataset.Dataset;

/**
 * The funnel and sales SLA report: stage counts and conversions, time in stage, sales cycle,
 * backward moves, stuck deals, lead response time and pipeline velocity, in total and split by
 * channel and by segment.
 *
 * <p>Definitions, edge cases and worked examples: {@code docs/definitions/funnel.md}.
 *
 * @param currency the report currency of money values
 * @param reference the instant the report is "as of"
 * @param total everything
 * @param breakdowns per breakdown, one summary per key, sorted by key
 * @param unmappedStages data stage names that map to no funnel stage (ignored)
 */
public record FunnelReport(
    String currency,
    Instant reference,
    FunnelSummary total,
    Map<Breakdown, List<FunnelSummary>> breakdowns,
    List<String> unmappedStages) {

  /** Key of the total summary. */
  public static final String ALL = "(all)";

  /** Key of subjects with no value for a breakdown. */
  public static final String NONE = "(none)";

  public FunnelReport {
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(total, "total");
    Map<Breakdown, List<FunnelSummary>> copy = new EnumMap<>(Breakdown.class);
    breakdowns.forEach((breakdown, rows) -> copy.put(breakdown, List.copyOf(rows)));
    breakdowns = Collections.unmodifiableMap(copy); // EnumMap keeps the breakdowns in enum order
    unmappedStages = List.copyOf(unmappedStages);
  }

  /** Computes the funnel report of {@code data}. */
  public static FunnelReport compute(Dataset data, FunnelOptions options) {
    FunnelStages stages = FunnelStages.resolve(data, options);
    Subjects subjects = Subjects.of(data, stages);
    SegmentFunnel engine = new SegmentFunnel(data, stages, subjects, options);
    int[] allSubjects = range(subjects.count);
    int[] allDeals = range(data.dealCount());
    Map<Breakdown, List<FunnelSummary>> breakdowns = new EnumMap<>(Breakdown.class);
    SegmentKeys keys = new SegmentKeys(data, subjects);
    for (Breakdown breakdown : Breakdown.values()) {
      breakdowns.put(breakdown, split(engine, keys, breakdown, subjects.count, data.dealCount()));
    }
    return new FunnelReport(
        data.currency(),
        options.reference(),
        engine.summarise(ALL, allSubjects, allDeals),
        breakdowns,
        stages.unmapped());
  }

  /** The summary of one key of a breakdown, or empty when no subject has that key. */
  public Optional<FunnelSummary> segment(Breakdown breakdown, String key) {
    return breakdowns.get(breakdown).stream().filter(s -> s.segment().equals(key)).findFirst();
  }

  private static List<FunnelSummary> split(
      SegmentFunnel engine, SegmentKeys keys, Breakdown breakdown, int subjects, int deals) {
    Map<String, IntList[]> groups = new TreeMap<>();
    for (int s = 0; s < subjects; s++) {
      group(groups, keys.ofSubject(breakdown, s))[0].add(s);
    }
    for (int d = 0; d < deals; d++) {
      group(groups, keys.ofDeal(breakdown, d))[1].add(d);
    }
    List<FunnelSummary> result = new ArrayList<>(groups.size());
    groups.forEach(
        (key, lists) -> result.add(engine.summarise(key, lists[0].toArray(), lists[1].toArray())));
    return result;
  }

  private static IntList[] group(Map<String, IntList[]> groups, String key) {
    return groups.computeIfAbsent(key, k -> new IntList[] {new IntList(), new IntList()});
  }

  private static int[] range(int n) {
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    return all;
  }

  /** A growable int array, to group indexes without boxing. */
  private static final class IntList {
    private int[] values = new int[16];
    private int size;

    void add(int value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    int[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }
}
