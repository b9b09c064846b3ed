package org.revtrace.core.attribution.markov;

import java.util.Arrays;

/**
 * Maps non-negative {@code long} keys to dense {@code int} ids in insertion order, without boxing.
 *
 * <p>Keys below {@code directLimit} are looked up in a plain {@code int[]} (the common case: a
 * state key space of a few million); larger key spaces use open addressing with linear probing.
 */
final class LongIntMap {
  private static final int DIRECT_LIMIT = 1 << 22;
  private static final int ABSENT = -1;

  private final int[] direct;
  private long[] keys;
  private int[] values;
  private int mask;
  private int size;

  /** Creates a map for keys in {@code [0, keySpace)}; {@code keySpace <= 0} means "unbounded". */
  LongIntMap(long keySpace) {
    if (keySpace > 0 && keySpace <= DIRECT_LIMIT) {
      direct = new int[(int) keySpace];
      Arrays.fill(direct, ABSENT);
    } else {
      direct = null;
      keys = new long[1 << 12];
      values = new int[1 << 12];
      Arrays.fill(values, ABSENT);
      mask = keys.length - 1;
    }
  }

  int size() {
    return size;
  }

  /** Returns the id of {@code key}, or -1 if absent. */
  int get(long key) {
    if (direct != null) {
      return direct[(int) key];
    }
    int slot = slot(key);
    while (values[slot] != ABSENT) {
      if (keys[slot] == key) {
        return values[slot];
      }
      slot = (slot + 1) & mask;
    }
    return ABSENT;
  }

  /** Returns the id of {@code key}, assigning the next id if it is new. */
  int getOrAdd(long key) {
    if (direct != null) {
      int id = direct[(int) key];
      if (id == ABSENT) {
        id = size++;
        direct[(int) key] = id;
      }
      return id;
    }
    int slot = slot(key);
    while (values[slot] != ABSENT) {
      if (keys[slot] == key) {
        return values[slot];
      }
      slot = (slot + 1) & mask;
    }
    int id = size++;
    keys[slot] = key;
    values[slot] = id;
    if (size * 2 > keys.length) {
      grow();
    }
    return id;
  }

  private int slot(long key) {
    // Murmur3 fmix64 finaliser: spreads mixed-radix keys whose low digits vary most.
    long h = key;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return (int) h & mask;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    Arrays.fill(values, ABSENT);
    mask = keys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldValues[i] != ABSENT) {
        int slot = slot(oldKeys[i]);
        while (values[slot] != ABSENT) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = oldKeys[i];
        values[slot] = oldValues[i];
      }
    }
  }
}
