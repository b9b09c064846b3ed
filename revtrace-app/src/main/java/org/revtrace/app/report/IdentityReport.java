package org.revtrace.app.report;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.revtrace.core.identity.Identities;
import org.revtrace.core.identity.IdentitySummary;
import org.revtrace.core.identity.Merge;
import org.revtrace.core.identity.MergeRule;
import org.revtrace.core.identity.RefusedKey;

/**
 * Renders identity resolution ({@code revtrace identities}, {@code /api/v1/identities}): the
 * summary and the merges, optionally of one rule or of the person/account one id names.
 */
public final class IdentityReport {

  private static final List<String> COLUMNS = List.of("kind", "rule", "from", "into", "key");

  private IdentityReport() {}

  /**
   * The merges of {@code rule} (null: every rule) that made the person or account {@code id} names
   * (null: everyone), in the resolver's order.
   */
  public static List<Merge> select(Identities identities, MergeRule rule, String id) {
    List<Merge> merges = id == null ? identities.merges() : identities.explain(id);
    return rule == null ? merges : merges.stream().filter(m -> m.rule() == rule).toList();
  }

  /**
   * The JSON object: {@code summary} (snake_case counts, merges per rule, refused keys), {@code
   * total} merges selected and the first {@code limit} of them as {@code merges}; {@code id} and
   * {@code rule} echo the selection when given.
   */
  public static Map<String, Object> json(
      Identities identities, MergeRule rule, String id, int limit) {
    List<Merge> selected = select(identities, rule, id);
    Map<String, Object> root = new LinkedHashMap<>();
    if (id != null) {
      root.put("id", id);
    }
    if (rule != null) {
      root.put("rule", rule.code());
    }
    root.put("summary", summary(identities.summary()));
    root.put("total", selected.size());
    List<Map<String, Object>> merges = new ArrayList<>();
    for (Merge merge : selected.subList(0, Math.min(limit, selected.size()))) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("kind", merge.kind().code());
      row.put("rule", merge.rule().code());
      row.put("from", merge.from());
      row.put("into", merge.into());
      row.put("key", merge.key());
      merges.add(row);
    }
    root.put("merges", merges);
    return root;
  }

  private static Map<String, Object> summary(IdentitySummary summary) {
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("identifiers", summary.identifiers());
    node.put("people", summary.people());
    node.put("leads", summary.leads());
    node.put("surviving_leads", summary.survivingLeads());
    node.put("derived_accounts", summary.derivedAccounts());
    Map<String, Integer> byRule = new LinkedHashMap<>();
    summary.merges().forEach((rule, count) -> byRule.put(rule.code(), count));
    node.put("merges", byRule);
    List<Map<String, Object>> refused = new ArrayList<>();
    for (RefusedKey key : summary.refusedKeys()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("rule", key.rule().code());
      row.put("key", key.key());
      row.put("people", key.people());
      refused.add(row);
    }
    node.put("refused_keys", refused);
    return node;
  }

  /** One CSV row per merge: kind, rule, from, into, key. */
  public static void csv(List<Merge> merges, Writer out) {
    try {
      CsvWriter csv = CsvWriter.builder().build(out);
      csv.writeRecord(COLUMNS);
      for (Merge merge : merges) {
        csv.writeRecord(
            merge.kind().code(), merge.rule().code(), merge.from(), merge.into(), merge.key());
      }
      csv.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The summary, the refused keys and the first {@code limit} merges as text tables. */
  public static String table(Identities identities, List<Merge> merges, int limit) {
    IdentitySummary summary = identities.summary();
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "People: %d identifiers → %d people. Leads: %d → %d counted. Derived accounts: %d.\n\n",
            summary.identifiers(),
            summary.people(),
            summary.leads(),
            summary.survivingLeads(),
            summary.derivedAccounts()));
    TextTable rules = new TextTable(List.of("rule", "kind", "merges"));
    summary
        .merges()
        .forEach((rule, count) -> rules.add(List.of(rule.code(), rule.kind().code(), "" + count)));
    text.append(rules.render(false));
    if (!summary.refusedKeys().isEmpty()) {
      text.append("\n").append("Keys shared by too many people (not used):");
      text.append("\n");
      TextTable refused = new TextTable(List.of("rule", "key", "people"));
      for (RefusedKey key : summary.refusedKeys()) {
        refused.add(List.of(key.rule().code(), key.key(), "" + key.people()));
      }
      text.append(refused.render(false));
    }
    text.append("\n");
    text.append(
        String.format(
            Locale.ROOT,
            "Merges: %d%s\n",
            merges.size(),
            merges.size() > limit ? " (first " + limit + " shown; --limit, --format csv)" : ""));
    TextTable rows = new TextTable(COLUMNS);
    for (Merge merge : merges.subList(0, Math.min(limit, merges.size()))) {
      rows.add(
          List.of(
              merge.kind().code(), merge.rule().code(), merge.from(), merge.into(), merge.key()));
    }
    text.append(rows.render(false));
    return text.toString();
  }
}
