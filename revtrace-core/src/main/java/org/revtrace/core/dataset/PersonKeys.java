package org.revtrace.core.dataset;

import java.util.HashMap;
import java.util.Map;

/**
 * Identity resolution of people: contact ids and visitor ids named together are one person.
 *
 * <p>A union-find over contact and visitor ids (kept in separate maps, since the two id spaces may
 * overlap); after {@link #freeze()} every root gets a dense person id.
 */
final class PersonKeys {

  private final Map<String, Integer> contactNodes = new HashMap<>();
  private final Map<String, Integer> visitorNodes = new HashMap<>();
  private int[] parent = new int[1024];
  private int nodeCount;
  private int[] personOfRoot;
  private int personCount;

  void link(String contactId, String visitorId) {
    int contact = contactId == null ? -1 : node(contactNodes, contactId);
    int visitor = visitorId == null ? -1 : node(visitorNodes, visitorId);
    if (contact >= 0 && visitor >= 0) {
      union(contact, visitor);
    }
  }

  void freeze() {
    personOfRoot = new int[nodeCount];
    java.util.Arrays.fill(personOfRoot, -1);
    for (int i = 0; i < nodeCount; i++) {
      int root = find(i);
      if (personOfRoot[root] < 0) {
        personOfRoot[root] = personCount++;
      }
    }
  }

  /** The person of a contact or visitor id (contact first), or -1 when neither is known. */
  int personOf(String contactId, String visitorId) {
    Integer node = contactId == null ? null : contactNodes.get(contactId);
    if (node == null && visitorId != null) {
      node = visitorNodes.get(visitorId);
    }
    return node == null ? -1 : personOfRoot[find(node)];
  }

  /** A person known by no id (a lead with neither contact nor visitor). */
  int newPerson() {
    return personCount++;
  }

  int count() {
    return personCount;
  }

  private int node(Map<String, Integer> nodes, String key) {
    Integer existing = nodes.get(key);
    if (existing != null) {
      return existing;
    }
    if (nodeCount == parent.length) {
      parent = java.util.Arrays.copyOf(parent, parent.length * 2);
    }
    parent[nodeCount] = nodeCount;
    nodes.put(key, nodeCount);
    return nodeCount++;
  }

  private int find(int node) {
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

  private void union(int a, int b) {
    int ra = find(a);
    int rb = find(b);
    if (ra != rb) {
      parent[ra] = rb;
    }
  }
}
