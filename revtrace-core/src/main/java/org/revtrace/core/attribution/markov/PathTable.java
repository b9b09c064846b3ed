package org.revtrace.core.attribution.markov;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Aggregated customer journeys as dictionary-coded paths with their conversion and null counts.
 *
 * <p>Path {@code p} is the channel-id sequence {@code steps[pathOffsets[p] .. pathOffsets[p+1])};
 * {@code conversions[p]} journeys with that path converted (bringing {@code conversionValues[p]} in
 * total) and {@code nulls[p]} did not. This is the ChannelAttribution input layout ({@code path;
 * total_conversions; total_conversion_value; total_null}).
 *
 * <p>The table is immutable by convention: the constructor takes ownership of the arrays it is
 * given (no copies, for speed on millions of paths) and the public accessors never expose them.
 * Rows are not merged: two rows with the same path are allowed and every engine treats rows
 * additively, so a table with duplicates gives the same results as the merged table.
 *
 * <p>Values are unitless decimal amounts as in the source file (ChannelAttribution semantics);
 * converting them to money with a currency is the caller's job.
 */
public final class PathTable {
  final String[] channelNames;
  final int[] pathOffsets;
  final int[] steps;
  final long[] conversions;
  final double[] conversionValues;
  final long[] nulls;

  /**
   * Creates a table, checking that lengths agree, every path is non-empty, channel ids lie in
   * {@code [0, channelNames.length)}, counts are non-negative and values finite and non-negative.
   *
   * @throws IllegalArgumentException naming the first bad element
   */
  public PathTable(
      String[] channelNames,
      int[] pathOffsets,
      int[] steps,
      long[] conversions,
      double[] conversionValues,
      long[] nulls) {
    this.channelNames = Objects.requireNonNull(channelNames, "channelNames");
    this.pathOffsets = Objects.requireNonNull(pathOffsets, "pathOffsets");
    this.steps = Objects.requireNonNull(steps, "steps");
    this.conversions = Objects.requireNonNull(conversions, "conversions");
    this.conversionValues = Objects.requireNonNull(conversionValues, "conversionValues");
    this.nulls = Objects.requireNonNull(nulls, "nulls");
    validate();
  }

  private void validate() {
    int paths = conversions.length;
    if (pathOffsets.length != paths + 1
        || conversionValues.length != paths
        || nulls.length != paths) {
      throw new IllegalArgumentException(
          "lengths disagree: pathOffsets="
              + pathOffsets.length
              + ", conversions="
              + paths
              + ", conversionValues="
              + conversionValues.length
              + ", nulls="
              + nulls.length);
    }
    for (int c = 0; c < channelNames.length; c++) {
      Objects.requireNonNull(channelNames[c], "channel name " + c);
    }
    if (pathOffsets[0] != 0 || pathOffsets[paths] != steps.length) {
      throw new IllegalArgumentException(
          "pathOffsets must run from 0 to steps.length="
              + steps.length
              + " but run from "
              + pathOffsets[0]
              + " to "
              + pathOffsets[paths]);
    }
    for (int p = 0; p < paths; p++) {
      if (pathOffsets[p + 1] <= pathOffsets[p]) {
        throw new IllegalArgumentException("path " + p + " is empty or has decreasing offsets");
      }
      if (conversions[p] < 0 || nulls[p] < 0) {
        throw new IllegalArgumentException(
            "path " + p + " has negative counts: " + conversions[p] + ", " + nulls[p]);
      }
      double value = conversionValues[p];
      if (!(value >= 0) || Double.isInfinite(value)) {
        throw new IllegalArgumentException("path " + p + " has a bad conversion value: " + value);
      }
    }
    int channels = channelNames.length;
    for (int i = 0; i < steps.length; i++) {
      if (steps[i] < 0 || steps[i] >= channels) {
        throw new IllegalArgumentException(
            "step " + i + " has channel id " + steps[i] + " outside [0, " + channels + ")");
      }
    }
  }

  /** Returns the channel names, indexed by channel id. */
  public List<String> channelNames() {
    return List.of(channelNames);
  }

  /** Returns the number of channels. */
  public int channelCount() {
    return channelNames.length;
  }

  /** Returns the number of paths (rows). */
  public int pathCount() {
    return conversions.length;
  }

  /** Returns the total number of touchpoints over all paths. */
  public int stepCount() {
    return steps.length;
  }

  /** Returns the channel ids of path {@code p} as a new array. */
  public int[] path(int p) {
    return Arrays.copyOfRange(steps, pathOffsets[p], pathOffsets[p + 1]);
  }

  /** Returns the number of converting journeys with path {@code p}. */
  public long conversions(int p) {
    return conversions[p];
  }

  /** Returns the total conversion value of path {@code p}. */
  public double conversionValue(int p) {
    return conversionValues[p];
  }

  /** Returns the number of non-converting journeys with path {@code p}. */
  public long nulls(int p) {
    return nulls[p];
  }

  /** Returns the sum of conversions over all paths. */
  public long totalConversions() {
    long sum = 0;
    for (long c : conversions) {
      sum += c;
    }
    return sum;
  }

  /** Returns the sum of conversion values over all paths. */
  public double totalConversionValue() {
    double sum = 0;
    for (double v : conversionValues) {
      sum += v;
    }
    return sum;
  }

  /** Returns the sum of nulls over all paths. */
  public long totalNulls() {
    long sum = 0;
    for (long n : nulls) {
      sum += n;
    }
    return sum;
  }

  /**
   * Concatenates tables in order, merging their channel dictionaries by name: the result lists the
   * first table's channels, then each later table's new channels in their id order, so splitting a
   * file into consecutive parts and concatenating the parts' tables gives the same table as reading
   * the file in one go.
   */
  public static PathTable concat(List<PathTable> tables) {
    Map<String, Integer> ids = new HashMap<>();
    List<String> names = new java.util.ArrayList<>();
    int paths = 0;
    int stepCount = 0;
    for (PathTable table : tables) {
      for (String name : table.channelNames) {
        if (ids.putIfAbsent(name, names.size()) == null) {
          names.add(name);
        }
      }
      paths += table.conversions.length;
      stepCount = Math.addExact(stepCount, table.steps.length);
    }
    int[] offsets = new int[paths + 1];
    int[] steps = new int[stepCount];
    long[] conversions = new long[paths];
    double[] values = new double[paths];
    long[] nulls = new long[paths];
    int path = 0;
    int step = 0;
    for (PathTable table : tables) {
      int[] remap = new int[table.channelNames.length];
      for (int c = 0; c < remap.length; c++) {
        remap[c] = ids.get(table.channelNames[c]);
      }
      int n = table.conversions.length;
      for (int p = 0; p < n; p++) {
        offsets[path + p + 1] = step + table.pathOffsets[p + 1];
      }
      for (int i = 0; i < table.steps.length; i++) {
        steps[step + i] = remap[table.steps[i]];
      }
      System.arraycopy(table.conversions, 0, conversions, path, n);
      System.arraycopy(table.conversionValues, 0, values, path, n);
      System.arraycopy(table.nulls, 0, nulls, path, n);
      path += n;
      step += table.steps.length;
    }
    return new PathTable(names.toArray(new String[0]), offsets, steps, conversions, values, nulls);
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Accumulates paths into growable primitive arrays; not thread-safe. */
  public static final class Builder {
    private final Map<String, Integer> channelIds = new HashMap<>();
    private String[] names = new String[16];
    private int channelCount;
    private int[] offsets = new int[1024];
    private int[] steps = new int[8192];
    private long[] conversions = new long[1024];
    private double[] values = new double[1024];
    private long[] nulls = new long[1024];
    private int paths;
    private int stepCount;

    private Builder() {}

    /** Returns the id of channel {@code name}, assigning the next id if it is new. */
    public int channelId(String name) {
      Objects.requireNonNull(name, "name");
      Integer id = channelIds.get(name);
      if (id != null) {
        return id;
      }
      if (channelCount == names.length) {
        names = Arrays.copyOf(names, channelCount * 2);
      }
      names[channelCount] = name;
      channelIds.put(name, channelCount);
      return channelCount++;
    }

    /** Appends a path given as channel ids. */
    public Builder add(int[] channelIds, long conversions, double value, long nulls) {
      return add(channelIds, 0, channelIds.length, conversions, value, nulls);
    }

    /**
     * Appends the path {@code channelIds[from .. from+length)}; the array is copied, so callers may
     * reuse one buffer for every path.
     */
    public Builder add(
        int[] channelIds, int from, int length, long conversions, double value, long nulls) {
      if (paths + 1 >= offsets.length) {
        int capacity = offsets.length * 2;
        offsets = Arrays.copyOf(offsets, capacity);
        this.conversions = Arrays.copyOf(this.conversions, capacity);
        values = Arrays.copyOf(values, capacity);
        this.nulls = Arrays.copyOf(this.nulls, capacity);
      }
      if (stepCount + length > steps.length) {
        steps = Arrays.copyOf(steps, Math.max(steps.length * 2, stepCount + length));
      }
      System.arraycopy(channelIds, from, steps, stepCount, length);
      stepCount += length;
      this.conversions[paths] = conversions;
      values[paths] = value;
      this.nulls[paths] = nulls;
      paths++;
      offsets[paths] = stepCount;
      return this;
    }

    /** Returns the number of paths added so far. */
    public int pathCount() {
      return paths;
    }

    /** Builds the table (validated by the {@link PathTable} constructor). */
    public PathTable build() {
      return new PathTable(
          Arrays.copyOf(names, channelCount),
          Arrays.copyOf(offsets, paths + 1),
          Arrays.copyOf(steps, stepCount),
          Arrays.copyOf(conversions, paths),
          Arrays.copyOf(values, paths),
          Arrays.copyOf(nulls, paths));
    }
  }
}
