package org.revtrace.core.clv;

import java.util.Arrays;

/** Dense ids 0..size-1 for long keys in order of first appearance (open addressing, no boxing). */
final class LongIds {

  private static final long EMPTY = Long.MIN_VALUE;

  private long[] keys;
  private int[] ids;
  private int size;

  LongIds(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
    keys = new long[capacity];
    ids = new int[capacity];
    Arrays.fill(keys, EMPTY);
  }

  /** The id of {@code key}, adding it when new; {@code key} must not be {@link Long#MIN_VALUE}. */
  int encode(long key) {
    int mask = keys.length - 1;
    int slot = mix(key) & mask;
    while (keys[slot] != EMPTY) {
      if (keys[slot] == key) {
        return ids[slot];
      }
      slot = (slot + 1) & mask;
    }
    keys[slot] = key;
    ids[slot] = size;
    size++;
    if (size * 2 > keys.length) {
      grow();
    }
    return size - 1;
  }

  int size() {
    return size;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldIds = ids;
    keys = new long[oldKeys.length * 2];
    ids = new int[oldKeys.length * 2];
    Arrays.fill(keys, EMPTY);
    int mask = keys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        int slot = mix(oldKeys[i]) & mask;
        while (keys[slot] != EMPTY) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = oldKeys[i];
        ids[slot] = oldIds[i];
      }
    }
  }

  private static int mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 29) ^ (h >>> 47));
  }
}
