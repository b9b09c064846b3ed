package org.revtrace.core.identity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.revtrace.core.identity.IdentityGraph.Node;
import org.revtrace.core.model.Account;
import org.revtrace.core.model.CanonicalData;
import org.revtrace.core.model.Contact;
import org.revtrace.core.model.Deal;
import org.revtrace.core.model.Lead;
import org.revtrace.core.model.Touchpoint;

/**
 * Identity resolution: which contact ids, visitor ids and leads are one person, which account each
 * person belongs to, and which leads are duplicates.
 *
 * <p>Definition (docs/definitions/identity-resolution.md):
 *
 * <ol>
 *   <li>Identifiers: every contact id and visitor id any row names, and every lead that names
 *       neither. A touch or lead belongs to its contact id, else its visitor id (else, a lead, to
 *       itself).
 *   <li>Person rules, strongest first; each joins the identifiers that share a key: {@code
 *       VISITOR_ID} (a touch or lead names a contact with a visitor id), {@code CLICK_ID} (gclid,
 *       yclid, fbclid from touches' landing pages and leads' {@code click_id}), {@code EMAIL},
 *       {@code PHONE} (leads and contacts, normalised and hashed by the importer). Guard: a key
 *       carried by more than {@link IdentityOptions#maxPeoplePerKey()} people — counted among the
 *       people the stronger rules made, bare leads not counted, a visitor not counted for its own
 *       id — is not used and is reported as a {@link RefusedKey}.
 *   <li>Account of a person: {@code CRM_COMPANY} — the account of its contact (contacts.csv; the
 *       smallest contact id wins), else the account named on its earliest lead, touch or deal
 *       (time, then account id); else {@code EMAIL_DOMAIN} — its most frequent corporate e-mail
 *       domain (free-mail excluded; ties to the smaller domain), matched against {@code
 *       accounts.domain}, parent domains included; else, when {@link
 *       IdentityOptions#deriveAccounts()}, {@code DERIVED_DOMAIN} — an account {@code
 *       domain:<domain>} of its own.
 *   <li>Duplicate leads: a person's leads ordered by creation time then id; a lead created at most
 *       {@link IdentityOptions#duplicateLeadWindow()} after the current surviving lead merges into
 *       it ({@code DUPLICATE_LEAD}); any later lead survives and starts a new window.
 * </ol>
 *
 * <p>Every rule visits its keys and their holders in sorted order and the guard counts are taken
 * before a rule merges anything, so the people, accounts, survivors and the list of merges do not
 * depend on the order of the input rows.
 */
public final class IdentityResolver {

  private final CanonicalData data;
  private final IdentityOptions options;
  private final IdentityGraph graph = new IdentityGraph();
  private final List<Merge> merges = new ArrayList<>();
  private final List<Integer> mergeNodes = new ArrayList<>();
  private final List<RefusedKey> refused = new ArrayList<>();
  private final Map<MergeRule, Integer> counts = new EnumMap<>(MergeRule.class);

  private IdentityResolver(CanonicalData data, IdentityOptions options) {
    this.data = data;
    this.options = options;
  }

  /** Resolves the identities of one data set; see the class definition. */
  public static Identities resolve(CanonicalData data, IdentityOptions options) {
    return new IdentityResolver(data, options).run();
  }

  private Identities run() {
    List<Touchpoint> touches = data.touchpoints();
    List<Lead> leads = data.leads();
    int[] touchNode = new int[touches.size()];
    int[] leadNode = new int[leads.size()];
    Map<String, KeyGroup> visitors = new HashMap<>();
    for (int i = 0; i < touchNode.length; i++) {
      Touchpoint touch = touches.get(i);
      touchNode[i] = attach(touch.contactId(), touch.visitorId(), null, visitors);
    }
    for (int i = 0; i < leadNode.length; i++) {
      Lead lead = leads.get(i);
      leadNode[i] = attach(lead.contactId(), lead.visitorId(), lead.id(), visitors);
    }
    for (Contact contact : data.contacts()) {
      graph.node(Node.CONTACT, contact.id());
    }
    for (Deal deal : data.deals()) {
      if (deal.contactId() != null) {
        graph.node(Node.CONTACT, deal.contactId());
      }
    }
    int identifiers = graph.count();

    apply(MergeRule.VISITOR_ID, visitors, UnaryOperator.identity());
    apply(MergeRule.CLICK_ID, clickIds(touchNode, leadNode), Keys::maskClickId);
    Map<String, Object> emails = new HashMap<>();
    Map<String, Object> phones = new HashMap<>();
    Map<String, String> emailDomains = new HashMap<>();
    for (int i = 0; i < leadNode.length; i++) {
      Lead lead = leads.get(i);
      hold(emails, Keys.email(lead.email()), leadNode[i]);
      hold(phones, Keys.phone(lead.phone()), leadNode[i]);
      rememberDomain(emailDomains, lead.email());
    }
    for (Contact contact : data.contacts()) {
      int node = graph.find(Node.CONTACT, contact.id());
      hold(emails, Keys.email(contact.email()), node);
      hold(phones, Keys.phone(contact.phone()), node);
      rememberDomain(emailDomains, contact.email());
    }
    apply(MergeRule.EMAIL, shared(emails), key -> Keys.maskEmail(key, emailDomains.get(key)));
    apply(MergeRule.PHONE, shared(phones), Keys::maskPhone);

    People people = number();
    int[] touchPerson = new int[touchNode.length];
    for (int i = 0; i < touchPerson.length; i++) {
      touchPerson[i] = touchNode[i] < 0 ? -1 : people.nodePerson[touchNode[i]];
    }
    int[] leadPerson = new int[leadNode.length];
    for (int i = 0; i < leadPerson.length; i++) {
      leadPerson[i] = people.nodePerson[leadNode[i]];
    }
    int[] mergePerson = new int[merges.size()];
    for (int m = 0; m < mergePerson.length; m++) {
      mergePerson[m] = people.nodePerson[mergeNodes.get(m)];
    }
    Accounts accounts = new Accounts(people, touchPerson, leadPerson);
    accounts.resolve();
    int[] leadSurvivor = duplicates(people, leadPerson);
    List<Integer> allMergePersons = new ArrayList<>(mergePerson.length);
    for (int person : mergePerson) {
      allMergePersons.add(person);
    }
    allMergePersons.addAll(accounts.mergePersons);
    allMergePersons.addAll(duplicatePersons);

    int surviving = 0;
    for (int i = 0; i < leadSurvivor.length; i++) {
      surviving += leadSurvivor[i] == i ? 1 : 0;
    }
    refused.sort(
        Comparator.comparing(RefusedKey::rule)
            .thenComparing(Comparator.comparingInt(RefusedKey::people).reversed())
            .thenComparing(RefusedKey::key));
    IdentitySummary summary =
        new IdentitySummary(
            identifiers,
            people.names.length,
            leads.size(),
            surviving,
            accounts.derived.size(),
            counts,
            refused);
    return new Identities(
        graph,
        people.nodePerson,
        people.names,
        accounts.personAccount,
        touchPerson,
        leadPerson,
        leadSurvivor,
        leads.stream().map(Lead::id).toArray(String[]::new),
        accounts.derived,
        merges,
        allMergePersons.stream().mapToInt(Integer::intValue).toArray(),
        summary);
  }

  /** The node a touch or lead belongs to; records a contact named with a visitor id. */
  private int attach(
      String contactId, String visitorId, String leadId, Map<String, KeyGroup> visitors) {
    int contact = contactId == null ? -1 : graph.node(Node.CONTACT, contactId);
    int visitor = visitorId == null ? -1 : graph.node(Node.VISITOR, visitorId);
    if (contact >= 0 && visitor >= 0) {
      visitors.computeIfAbsent(visitorId, id -> new KeyGroup(visitor)).add(contact);
    }
    if (contact >= 0) {
      return contact;
    }
    if (visitor >= 0) {
      return visitor;
    }
    return leadId == null ? -1 : graph.node(Node.LEAD, leadId);
  }

  private Map<String, KeyGroup> clickIds(int[] touchNode, int[] leadNode) {
    List<Touchpoint> touches = data.touchpoints();
    List<List<String>> ids = new ArrayList<>(touchNode.length);
    int count = 0;
    for (int i = 0; i < touchNode.length; i++) {
      String page = touches.get(i).landingPage();
      List<String> found = page == null || touchNode[i] < 0 ? List.of() : ClickIds.inUrl(page);
      ids.add(found);
      count += found.size();
    }
    // Sized up front: on paid traffic nearly every touch carries a click id of its own.
    Map<String, Object> groups = new HashMap<>(Math.max(16, (count + leadNode.length) * 4 / 3));
    for (int i = 0; i < touchNode.length; i++) {
      for (String id : ids.get(i)) {
        hold(groups, id, touchNode[i]);
      }
    }
    List<Lead> leads = data.leads();
    for (int i = 0; i < leadNode.length; i++) {
      hold(groups, ClickIds.ofColumn(leads.get(i).clickId()), leadNode[i]);
    }
    return shared(groups);
  }

  /**
   * Records that {@code node} carries {@code key}. Most keys (click ids above all) have one holder,
   * so a group is made only when a second identifier carries the key.
   */
  private static void hold(Map<String, Object> groups, String key, int node) {
    if (key == null || node < 0) {
      return;
    }
    Object held = groups.putIfAbsent(key, node);
    if (held instanceof KeyGroup group) {
      group.add(node);
    } else if (held != null && (Integer) held != node) {
      KeyGroup group = new KeyGroup(-1);
      group.add((Integer) held);
      group.add(node);
      groups.put(key, group);
    }
  }

  /** The keys that more than one identifier carries. */
  private static Map<String, KeyGroup> shared(Map<String, Object> held) {
    Map<String, KeyGroup> groups = new HashMap<>();
    held.forEach(
        (key, value) -> {
          if (value instanceof KeyGroup group) {
            groups.put(key, group);
          }
        });
    return groups;
  }

  private static void rememberDomain(Map<String, String> domains, String email) {
    String key = Keys.email(email);
    String domain = Domains.ofEmail(email);
    if (key != null && domain != null) {
      domains.putIfAbsent(key, domain);
    }
  }

  /**
   * Applies one person rule: counts each key's people on the partition the stronger rules left,
   * refuses over-shared keys, then joins each remaining key's holders in sorted order.
   */
  private void apply(MergeRule rule, Map<String, KeyGroup> groups, UnaryOperator<String> mask) {
    // A key held by one identifier (most click ids) can neither merge nor be over-shared.
    String[] keys =
        groups.entrySet().stream()
            .filter(entry -> entry.getValue().canMerge())
            .map(Map.Entry::getKey)
            .sorted()
            .toArray(String[]::new);
    boolean[] identified = new boolean[graph.count()];
    for (int node = 0; node < identified.length; node++) {
      if (graph.identifies(node)) {
        identified[graph.root(node)] = true;
      }
    }
    List<int[]> accepted = new ArrayList<>();
    List<String> acceptedKeys = new ArrayList<>();
    for (String key : keys) {
      KeyGroup group = groups.get(key);
      int[] holders = group.sortedHolders(graph);
      int people = people(holders, group.anchor, identified);
      if (people > options.maxPeoplePerKey()) {
        refused.add(new RefusedKey(rule, mask.apply(key), people));
        continue;
      }
      int[] members = holders;
      if (group.anchor >= 0) {
        members = new int[holders.length + 1];
        members[0] = group.anchor;
        System.arraycopy(holders, 0, members, 1, holders.length);
      }
      accepted.add(members);
      acceptedKeys.add(key);
    }
    for (int k = 0; k < accepted.size(); k++) {
      int[] members = accepted.get(k);
      String shown = null;
      for (int i = 1; i < members.length; i++) {
        if (graph.union(members[0], members[i])) {
          if (shown == null) {
            shown = mask.apply(acceptedKeys.get(k));
          }
          merges.add(
              new Merge(
                  MergeKind.PERSON, rule, graph.name(members[i]), graph.name(members[0]), shown));
          mergeNodes.add(members[i]);
          counts.merge(rule, 1, Integer::sum);
        }
      }
    }
  }

  /** Distinct identified people among the holders, the anchor's own person not counted. */
  private int people(int[] holders, int anchor, boolean[] identified) {
    int anchorRoot = anchor >= 0 ? graph.root(anchor) : -1;
    int[] roots = new int[holders.length];
    int n = 0;
    for (int holder : holders) {
      int root = graph.root(holder);
      if (identified[root] && root != anchorRoot) {
        roots[n++] = root;
      }
    }
    Arrays.sort(roots, 0, n);
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || roots[i] != roots[i - 1]) {
        distinct++;
      }
    }
    return distinct;
  }

  /** People numbered in the order of their first identifier (kind, then id). */
  private People number() {
    int n = graph.count();
    int[] rootOf = new int[n];
    int[] first = new int[n];
    Arrays.fill(first, -1);
    for (int node = 0; node < n; node++) {
      int root = graph.root(node);
      rootOf[node] = root;
      if (first[root] < 0 || graph.compare(node, first[root]) < 0) {
        first[root] = node;
      }
    }
    List<Integer> firsts = new ArrayList<>();
    for (int node = 0; node < n; node++) {
      if (rootOf[node] == node) {
        firsts.add(first[node]);
      }
    }
    firsts.sort(graph::compare);
    int[] personOfRoot = new int[n];
    String[] names = new String[firsts.size()];
    for (int p = 0; p < names.length; p++) {
      int node = firsts.get(p);
      personOfRoot[rootOf[node]] = p;
      names[p] = graph.name(node);
    }
    int[] nodePerson = new int[n];
    for (int node = 0; node < n; node++) {
      nodePerson[node] = personOfRoot[rootOf[node]];
    }
    return new People(nodePerson, names);
  }

  private final List<Integer> duplicatePersons = new ArrayList<>();

  private int[] duplicates(People people, int[] leadPerson) {
    List<Lead> leads = data.leads();
    int n = leads.size();
    int[] survivor = new int[n];
    for (int i = 0; i < n; i++) {
      survivor[i] = i;
    }
    long window = options.duplicateLeadWindow().getSeconds();
    if (window == 0 && options.duplicateLeadWindow().getNano() == 0) {
      return survivor;
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        Comparator.<Integer>comparingInt(i -> leadPerson[i])
            .thenComparing(i -> leads.get(i).createdAt())
            .thenComparing(i -> leads.get(i).id())
            .thenComparingInt(i -> i));
    int current = -1;
    for (int k = 0; k < n; k++) {
      int lead = order[k];
      if (current >= 0
          && leadPerson[current] == leadPerson[lead]
          && !leads
              .get(lead)
              .createdAt()
              .isAfter(leads.get(current).createdAt().plus(options.duplicateLeadWindow()))) {
        survivor[lead] = current;
        merges.add(
            new Merge(
                MergeKind.LEAD,
                MergeRule.DUPLICATE_LEAD,
                "lead:" + leads.get(lead).id(),
                "lead:" + leads.get(current).id(),
                people.names[leadPerson[lead]]));
        duplicatePersons.add(leadPerson[lead]);
        counts.merge(MergeRule.DUPLICATE_LEAD, 1, Integer::sum);
      } else {
        current = lead;
      }
    }
    return survivor;
  }

  private record People(int[] nodePerson, String[] names) {}

  /** Holders of one key; the anchor is the key's own identifier (a visitor for its id). */
  private static final class KeyGroup {
    final int anchor;
    int[] holders = new int[2];
    int size;

    KeyGroup(int anchor) {
      this.anchor = anchor;
    }

    void add(int node) {
      if (size > 0 && holders[size - 1] == node) {
        return;
      }
      if (size == holders.length) {
        holders = Arrays.copyOf(holders, size * 2);
      }
      holders[size++] = node;
    }

    /** Whether the key is shared: an anchor and a holder, or two different holders. */
    boolean canMerge() {
      if (anchor >= 0) {
        return size > 0;
      }
      for (int i = 1; i < size; i++) {
        if (holders[i] != holders[0]) {
          return true;
        }
      }
      return false;
    }

    /** The distinct holders ordered by name (kind, then id). */
    int[] sortedHolders(IdentityGraph graph) {
      Integer[] boxed = new Integer[size];
      for (int i = 0; i < size; i++) {
        boxed[i] = holders[i];
      }
      Arrays.sort(boxed, (a, b) -> a.equals(b) ? 0 : graph.compare(a, b));
      int[] unique = new int[size];
      int n = 0;
      for (int i = 0; i < size; i++) {
        if (n == 0 || unique[n - 1] != boxed[i]) {
          unique[n++] = boxed[i];
        }
      }
      return Arrays.copyOf(unique, n);
    }
  }

  /** The account of each person (see the class definition, step 3). */
  private final class Accounts {
    final People people;
    final int[] touchPerson;
    final int[] leadPerson;
    final String[] personAccount;
    final Map<String, String> derived = new TreeMap<>();
    final List<Integer> mergePersons = new ArrayList<>();

    Accounts(People people, int[] touchPerson, int[] leadPerson) {
      this.people = people;
      this.touchPerson = touchPerson;
      this.leadPerson = leadPerson;
      this.personAccount = new String[people.names.length];
    }

    void resolve() {
      int count = personAccount.length;
      MergeRule[] rule = new MergeRule[count];
      String[] key = new String[count];
      List<Contact> contacts = new ArrayList<>(data.contacts());
      contacts.sort(Comparator.comparing(Contact::id));
      for (Contact contact : contacts) {
        int person = people.nodePerson[graph.find(Node.CONTACT, contact.id())];
        if (contact.accountId() != null && personAccount[person] == null) {
          personAccount[person] = contact.accountId();
        }
      }
      long[] namedAt = new long[count];
      String[] named = new String[count];
      List<Touchpoint> touches = data.touchpoints();
      for (int i = 0; i < touchPerson.length; i++) {
        name(
            named,
            namedAt,
            touchPerson[i],
            touches.get(i).accountId(),
            touches.get(i).occurredAt());
      }
      List<Lead> leads = data.leads();
      for (int i = 0; i < leadPerson.length; i++) {
        name(named, namedAt, leadPerson[i], leads.get(i).accountId(), leads.get(i).createdAt());
      }
      IdentityResolver outer = IdentityResolver.this;
      for (Deal deal : data.deals()) {
        int node = deal.contactId() == null ? -1 : graph.find(Node.CONTACT, deal.contactId());
        int person = node < 0 ? -1 : people.nodePerson[node];
        name(named, namedAt, person, deal.accountId(), deal.createdAt());
      }
      for (int p = 0; p < count; p++) {
        if (personAccount[p] == null) {
          personAccount[p] = named[p];
        }
        if (personAccount[p] != null) {
          rule[p] = MergeRule.CRM_COMPANY;
          key[p] = personAccount[p];
        }
      }
      byDomain(rule, key);
      for (int p = 0; p < count; p++) {
        if (rule[p] != null) {
          outer.merges.add(
              new Merge(
                  MergeKind.ACCOUNT,
                  rule[p],
                  people.names[p],
                  "account:" + personAccount[p],
                  key[p]));
          mergePersons.add(p);
          outer.counts.merge(rule[p], 1, Integer::sum);
        }
      }
    }

    private void name(String[] named, long[] namedAt, int person, String account, Instant at) {
      if (person < 0 || account == null || personAccount[person] != null) {
        return;
      }
      long second = at.getEpochSecond();
      if (named[person] == null
          || second < namedAt[person]
          || (second == namedAt[person] && account.compareTo(named[person]) < 0)) {
        named[person] = account;
        namedAt[person] = second;
      }
    }

    private void byDomain(MergeRule[] rule, String[] key) {
      Map<String, String> accountOfDomain = new HashMap<>();
      List<Account> accounts = new ArrayList<>(data.accounts());
      accounts.sort(Comparator.comparing(Account::id));
      for (Account account : accounts) {
        String domain = Domains.ofAccount(account.domain());
        if (domain != null) {
          accountOfDomain.putIfAbsent(domain, account.id());
        }
      }
      Map<Integer, Map<String, Integer>> domains = new HashMap<>();
      List<Lead> leads = data.leads();
      for (int i = 0; i < leadPerson.length; i++) {
        countDomain(domains, leadPerson[i], leads.get(i).email());
      }
      for (Contact contact : data.contacts()) {
        int person = people.nodePerson[graph.find(Node.CONTACT, contact.id())];
        countDomain(domains, person, contact.email());
      }
      for (Map.Entry<Integer, Map<String, Integer>> entry : domains.entrySet()) {
        int person = entry.getKey();
        String domain =
            entry.getValue().entrySet().stream()
                .min(
                    Comparator.<Map.Entry<String, Integer>>comparingInt(e -> -e.getValue())
                        .thenComparing(Map.Entry::getKey))
                .orElseThrow()
                .getKey();
        String account = null;
        for (String d = domain; d != null && account == null; d = Domains.parent(d)) {
          account = accountOfDomain.get(d);
        }
        if (account != null) {
          personAccount[person] = account;
          rule[person] = MergeRule.EMAIL_DOMAIN;
          key[person] = domain;
        } else if (options.deriveAccounts()) {
          String id = "domain:" + domain;
          personAccount[person] = id;
          rule[person] = MergeRule.DERIVED_DOMAIN;
          key[person] = domain;
          derived.put(id, domain);
        }
      }
    }

    private void countDomain(Map<Integer, Map<String, Integer>> domains, int person, String email) {
      if (personAccount[person] != null) {
        return;
      }
      String domain = Domains.ofEmail(email);
      if (domain == null || FreeMailDomains.contains(options.freeMailDomains(), domain)) {
        return;
      }
      domains.computeIfAbsent(person, p -> new HashMap<>()).merge(domain, 1, Integer::sum);
    }
  }
}
