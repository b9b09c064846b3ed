package org.revtrace.core.dataset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Dictionary coding of strings to dense ids 0..size-1, in order of first appearance. */
public final class Dictionary {

  private final Map<String, Integer> ids = new HashMap<>();
  private final List<String> values = new ArrayList<>();

  /** The id of {@code value}, adding it when new. */
  public int encode(String value) {
    Integer id = ids.get(value);
    if (id != null) {
      return id;
    }
    int next = values.size();
    ids.put(value, next);
    values.add(value);
    return next;
  }

  /** The id of {@code value}, or -1 when absent. */
  public int find(String value) {
    Integer id = ids.get(value);
    return id == null ? -1 : id;
  }

  public String decode(int id) {
    return values.get(id);
  }

  public int size() {
    return values.size();
  }

  /** All values by id. */
  public List<String> values() {
    return List.copyOf(values);
  }
}
