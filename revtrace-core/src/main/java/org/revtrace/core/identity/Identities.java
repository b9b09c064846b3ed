package org.revtrace.core.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.revtrace.core.identity.IdentityGraph.Node;

/**
 * The result of {@link IdentityResolver#resolve}: who is who, which account each person belongs to,
 * which leads are duplicates, and every merge with its rule.
 *
 * <p>Row arrays are aligned with the lists of the resolved {@code CanonicalData} and exposed
 * without copying: callers must treat them as read-only.
 */
public final class Identities {

  private final IdentityGraph graph;
  private final int[] nodePerson;
  private final String[] personName;
  private final String[] personAccount;
  private final int[] touchPerson;
  private final int[] leadPerson;
  private final int[] leadSurvivor;
  private final String[] leadIds;
  private final Map<String, String> derivedAccounts;
  private final List<Merge> merges;
  private final int[] mergePerson;
  private final IdentitySummary summary;

  Identities(
      IdentityGraph graph,
      int[] nodePerson,
      String[] personName,
      String[] personAccount,
      int[] touchPerson,
      int[] leadPerson,
      int[] leadSurvivor,
      String[] leadIds,
      Map<String, String> derivedAccounts,
      List<Merge> merges,
      int[] mergePerson,
      IdentitySummary summary) {
    this.graph = graph;
    this.nodePerson = nodePerson;
    this.personName = personName;
    this.personAccount = personAccount;
    this.touchPerson = touchPerson;
    this.leadPerson = leadPerson;
    this.leadSurvivor = leadSurvivor;
    this.leadIds = leadIds;
    this.derivedAccounts = Map.copyOf(derivedAccounts);
    this.merges = List.copyOf(merges);
    this.mergePerson = mergePerson;
    this.summary = summary;
  }

  /** Number of people; person ids are {@code 0 .. personCount() - 1}. */
  public int personCount() {
    return personName.length;
  }

  /**
   * A person's first identifier by kind (contact, visitor, lead) then id, e.g. {@code contact:c1}:
   * a stable name that does not depend on row order.
   */
  public String personName(int person) {
    return personName[person];
  }

  /** The person's account id (a derived one is {@code domain:example.com}), or null. */
  public String personAccount(int person) {
    return personAccount[person];
  }

  /** Derived account ids ({@code domain:example.com}) and their domains. */
  public Map<String, String> derivedAccounts() {
    return derivedAccounts;
  }

  /** Each touch's person, or -1 for a touch that names only an account. */
  public int[] touchPerson() {
    return touchPerson;
  }

  /** Each lead's person. */
  public int[] leadPerson() {
    return leadPerson;
  }

  /** Each lead's surviving lead (an index into the leads); a lead that survives is its own. */
  public int[] leadSurvivor() {
    return leadSurvivor;
  }

  /** The person of a contact id, or -1 when no row names it. */
  public int personOfContact(String contactId) {
    int node = contactId == null ? -1 : graph.find(Node.CONTACT, contactId);
    return node < 0 ? -1 : nodePerson[node];
  }

  /** Every merge: person rules in order, then account, then lead merges. */
  public List<Merge> merges() {
    return merges;
  }

  /** The merges of one rule, in order. */
  public List<Merge> merges(MergeRule rule) {
    return merges.stream().filter(merge -> merge.rule() == rule).toList();
  }

  public IdentitySummary summary() {
    return summary;
  }

  /**
   * The merges that made the person or account an id names, in order. The id may carry its prefix
   * ({@code contact:c1}, {@code visitor:v1}, {@code lead:L1}, {@code account:a1}) or not, in which
   * case every kind of id is tried; empty when nothing is known by it.
   */
  public List<Merge> explain(String id) {
    Set<Integer> persons = personsOf(id);
    List<Merge> found = new ArrayList<>();
    for (int m = 0; m < merges.size(); m++) {
      if (persons.contains(mergePerson[m])) {
        found.add(merges.get(m));
      }
    }
    return found;
  }

  /** The people an id names (a person id, or every person of an account). */
  public Set<Integer> personsOf(String id) {
    String bare = id.trim();
    String prefix = null;
    int colon = bare.indexOf(':');
    if (colon > 0) {
      String head = bare.substring(0, colon);
      if (head.equals("account")
          || head.equals("contact")
          || head.equals("visitor")
          || head.equals("lead")) {
        prefix = head;
        bare = bare.substring(colon + 1);
      }
    }
    Set<Integer> persons = new TreeSet<>();
    for (Node kind : Node.values()) {
      if (prefix == null || prefix.equals(kind.prefix)) {
        int node = graph.find(kind, bare);
        if (node >= 0) {
          persons.add(nodePerson[node]);
        }
      }
    }
    if (prefix == null || prefix.equals("lead")) {
      for (int i = 0; i < leadIds.length; i++) {
        if (leadIds[i].equals(bare)) {
          persons.add(leadPerson[i]);
        }
      }
    }
    if (prefix == null || prefix.equals("account")) {
      for (int p = 0; p < personAccount.length; p++) {
        if (bare.equals(personAccount[p])) {
          persons.add(p);
        }
      }
    }
    return persons;
  }
}
