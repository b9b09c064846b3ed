package org.revtrace.ingest.paths;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.revtrace.core.attribution.markov.PathTable;

/**
 * Maps channel names, given as UTF-8 byte ranges, to {@link PathTable.Builder} channel ids without
 * creating a String per touchpoint: open addressing over a byte arena.
 */
final class ChannelDictionary {
  private final PathTable.Builder builder;
  private int[] slots = new int[64];
  private int[] hashes = new int[16];
  private int[] starts = new int[16];
  private int[] lengths = new int[16];
  private byte[] arena = new byte[256];
  private int arenaSize;
  private int size;
  // Kept at most 1/8 full so that a lookup almost always ends at its first slot.
  private long[] shortWords = new long[1024];
  private int[] shortLengths = new int[1024];
  private int[] shortIds = new int[1024];
  private int shortSize;

  ChannelDictionary(PathTable.Builder builder) {
    this.builder = builder;
    Arrays.fill(slots, -1);
    Arrays.fill(shortIds, -1);
  }

  /**
   * Returns the channel id of a name of at most 8 bytes given as {@code word} (its bytes packed
   * little-endian, unused high bytes zero) and {@code bytes[from .. to)}: one long comparison per
   * probe, which is the common case (channel names are short).
   */
  int channelId(long word, byte[] bytes, int from, int to) {
    int id = find(word, to - from);
    return id >= 0 ? id : add(word, bytes, from, to);
  }

  /** Returns the id of the short name packed in {@code word}, or -1 if it is not known yet. */
  int find(long word, int length) {
    int mask = shortIds.length - 1;
    int slot = mix(word, length) & mask;
    for (int id = shortIds[slot]; id >= 0; id = shortIds[slot]) {
      if (shortWords[slot] == word && shortLengths[slot] == length) {
        return id;
      }
      slot = (slot + 1) & mask;
    }
    return -1;
  }

  private int add(long word, byte[] bytes, int from, int to) {
    int length = to - from;
    int mask = shortIds.length - 1;
    int slot = mix(word, length) & mask;
    for (int id = shortIds[slot]; id >= 0; id = shortIds[slot]) {
      if (shortWords[slot] == word && shortLengths[slot] == length) {
        return id;
      }
      slot = (slot + 1) & mask;
    }
    int id = channelId(bytes, from, to);
    shortWords[slot] = word;
    shortLengths[slot] = length;
    shortIds[slot] = id;
    if (++shortSize * 8 > shortIds.length) {
      growShort();
    }
    return id;
  }

  private void growShort() {
    long[] words = shortWords;
    int[] lengths = shortLengths;
    int[] ids = shortIds;
    shortWords = new long[words.length * 2];
    shortLengths = new int[words.length * 2];
    shortIds = new int[words.length * 2];
    Arrays.fill(shortIds, -1);
    int mask = shortIds.length - 1;
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] >= 0) {
        int slot = mix(words[i], lengths[i]) & mask;
        while (shortIds[slot] >= 0) {
          slot = (slot + 1) & mask;
        }
        shortWords[slot] = words[i];
        shortLengths[slot] = lengths[i];
        shortIds[slot] = ids[i];
      }
    }
  }

  private static int mix(long word, int length) {
    long h = (word + length) * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 40); // the high bits of a Fibonacci hash depend on every input bit
  }

  /** Returns the channel id of {@code bytes[from .. to)}, registering the name if it is new. */
  int channelId(byte[] bytes, int from, int to) {
    int hash = hash(bytes, from, to);
    int mask = slots.length - 1;
    int slot = hash & mask;
    int length = to - from;
    for (int id = slots[slot]; id >= 0; id = slots[slot]) {
      if (hashes[id] == hash
          && lengths[id] == length
          && Arrays.equals(arena, starts[id], starts[id] + length, bytes, from, to)) {
        return id;
      }
      slot = (slot + 1) & mask;
    }
    return add(bytes, from, to, hash, slot);
  }

  private int add(byte[] bytes, int from, int to, int hash, int slot) {
    int length = to - from;
    int id = builder.channelId(new String(bytes, from, length, StandardCharsets.UTF_8));
    if (id != size) {
      // Two byte spellings decoded to one name (malformed UTF-8); keep the builder's id.
      return id;
    }
    if (size == hashes.length) {
      hashes = Arrays.copyOf(hashes, size * 2);
      starts = Arrays.copyOf(starts, size * 2);
      lengths = Arrays.copyOf(lengths, size * 2);
    }
    if (arenaSize + length > arena.length) {
      arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaSize + length));
    }
    System.arraycopy(bytes, from, arena, arenaSize, length);
    hashes[id] = hash;
    starts[id] = arenaSize;
    lengths[id] = length;
    arenaSize += length;
    slots[slot] = id;
    size++;
    if (size * 2 > slots.length) {
      rehash();
    }
    return id;
  }

  private void rehash() {
    slots = new int[slots.length * 2];
    Arrays.fill(slots, -1);
    int mask = slots.length - 1;
    for (int id = 0; id < size; id++) {
      int slot = hashes[id] & mask;
      while (slots[slot] >= 0) {
        slot = (slot + 1) & mask;
      }
      slots[slot] = id;
    }
  }

  private static int hash(byte[] bytes, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + bytes[i];
    }
    return h ^ (h >>> 16) ^ (h >>> 7);
  }
}
