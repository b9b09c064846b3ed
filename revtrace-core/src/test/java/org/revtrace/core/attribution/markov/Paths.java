package org.revtrace.core.attribution.markov;

/** Builds small path tables from {@code "a > b > c"} strings for tests. */
final class Paths {
  private final PathTable.Builder builder = PathTable.builder();

  static Paths of() {
    return new Paths();
  }

  Paths channels(String... names) {
    for (String name : names) {
      builder.channelId(name);
    }
    return this;
  }

  Paths add(String path, long conversions, long nulls) {
    return add(path, conversions, conversions, nulls);
  }

  Paths add(String path, long conversions, double value, long nulls) {
    String[] names = path.split(">");
    int[] ids = new int[names.length];
    for (int i = 0; i < names.length; i++) {
      ids[i] = builder.channelId(names[i].trim());
    }
    builder.add(ids, conversions, value, nulls);
    return this;
  }

  PathTable build() {
    return builder.build();
  }
}
