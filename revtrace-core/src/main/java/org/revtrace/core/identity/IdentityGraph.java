package org.revtrace.core.identity;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A union-find over named identifiers: contact ids, visitor ids and leads that name neither (kept
 * apart, since the id spaces may overlap).
 */
final class IdentityGraph {

  /** What an identifier names; the order is the order of names. */
  enum Node {
    CONTACT("contact"),
    VISITOR("visitor"),
    LEAD("lead");

    final String prefix;

    Node(String prefix) {
      this.prefix = prefix;
    }
  }

  private static final Node[] NODES = Node.values();

  @SuppressWarnings("unchecked")
  private final Map<String, Integer>[] byKind = new Map[NODES.length];

  private String[] ids = new String[1024];
  private byte[] kinds = new byte[1024];
  private int[] parent = new int[1024];
  private int count;

  IdentityGraph() {
    for (int k = 0; k < byKind.length; k++) {
      byKind[k] = new HashMap<>();
    }
  }

  /** The node of an identifier, added when new. */
  int node(Node kind, String id) {
    Map<String, Integer> nodes = byKind[kind.ordinal()];
    Integer existing = nodes.get(id);
    if (existing != null) {
      return existing;
    }
    if (count == parent.length) {
      int size = count * 2;
      ids = Arrays.copyOf(ids, size);
      kinds = Arrays.copyOf(kinds, size);
      parent = Arrays.copyOf(parent, size);
    }
    ids[count] = id;
    kinds[count] = (byte) kind.ordinal();
    parent[count] = count;
    nodes.put(id, count);
    return count++;
  }

  /** The node of an identifier, or -1 when it is not known. */
  int find(Node kind, String id) {
    Integer node = byKind[kind.ordinal()].get(id);
    return node == null ? -1 : node;
  }

  int count() {
    return count;
  }

  Node kind(int node) {
    return NODES[kinds[node]];
  }

  /** Whether the node is a contact or visitor id (a person seen by id, not only a bare lead). */
  boolean identifies(int node) {
    return kinds[node] != Node.LEAD.ordinal();
  }

  /** {@code contact:c1}, {@code visitor:v1}, {@code lead:L1}. */
  String name(int node) {
    return NODES[kinds[node]].prefix + ":" + ids[node];
  }

  /** Orders nodes by kind, then id. */
  int compare(int a, int b) {
    int byKindOrder = Byte.compare(kinds[a], kinds[b]);
    return byKindOrder != 0 ? byKindOrder : ids[a].compareTo(ids[b]);
  }

  int root(int node) {
    int root = node;
    while (parent[root] != root) {
      root = parent[root];
    }
    while (parent[node] != root) {
      int next = parent[node];
      parent[node] = root;
      node = next;
    }
    return root;
  }

  /** Joins the sets of two nodes; false when they already were one. */
  boolean union(int a, int b) {
    int ra = root(a);
    int rb = root(b);
    if (ra == rb) {
      return false;
    }
    parent[rb] = ra;
    return true;
  }
}
