package org.revtrace.core.audit.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.revtrace.core.audit.AuditInput;
import org.revtrace.core.audit.Finding;
import org.revtrace.core.audit.Horizon;
import org.revtrace.core.model.Utm;

/**
 * {@code UTM_MIXED_SPELLING}: one UTM tag written several ways ({@code Yandex }, {@code YANDEX},
 * {@code ya} for {@code yandex}). Revtrace's clean-up merges them, but every report built elsewhere
 * on the raw tags splits the channel. For each tag (source, medium, campaign) the rows of
 * touchpoints, leads and spend are grouped by the cleaned value; a group with more than one raw
 * spelling is mixed, and the rows not written in its most frequent spelling are affected (by id;
 * spend rows as {@code spend <date> <channel>/<campaign>}); the notes list the mixed groups.
 */
public final class UtmVariants extends Check {

  public UtmVariants() {
    super("UTM_MIXED_SPELLING", Horizon.QUICK_WIN);
  }

  private record Tag(String name, Function<Utm, String> value) {}

  private static final List<Tag> TAGS =
      List.of(
          new Tag("utm_source", Utm::source),
          new Tag("utm_medium", Utm::medium),
          new Tag("utm_campaign", Utm::campaign));

  @Override
  public Optional<Finding> run(AuditInput input) {
    List<Utm> raw = new ArrayList<>();
    List<Utm> clean = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    input.raw().touchpoints().forEach(t -> raw.add(t.utm()));
    input.normalized().touchpoints().forEach(t -> clean.add(t.utm()));
    input.raw().touchpoints().forEach(t -> ids.add(t.id()));
    input.raw().leads().forEach(l -> raw.add(l.utm()));
    input.normalized().leads().forEach(l -> clean.add(l.utm()));
    input.raw().leads().forEach(l -> ids.add(l.id()));
    input.raw().spend().forEach(s -> raw.add(s.utm()));
    input.normalized().spend().forEach(s -> clean.add(s.utm()));
    input
        .raw()
        .spend()
        .forEach(s -> ids.add("spend " + s.date() + " " + s.channel() + "/" + s.utm().campaign()));

    boolean[] affectedRow = new boolean[raw.size()];
    boolean[] taggedRow = new boolean[raw.size()];
    List<String> examples = new ArrayList<>();
    for (Tag tag : TAGS) {
      Map<String, Map<String, Integer>> spellings = new TreeMap<>();
      for (int i = 0; i < raw.size(); i++) {
        String cleaned = tag.value().apply(clean.get(i));
        String written = tag.value().apply(raw.get(i));
        if (cleaned != null && written != null) {
          taggedRow[i] = true;
          spellings.computeIfAbsent(cleaned, k -> new HashMap<>()).merge(written, 1, Integer::sum);
        }
      }
      Map<String, String> dominant = new HashMap<>();
      spellings.forEach(
          (cleaned, counts) -> {
            if (counts.size() > 1) {
              String main =
                  counts.entrySet().stream()
                      .sorted(
                          Map.Entry.<String, Integer>comparingByValue()
                              .reversed()
                              .thenComparing(Map.Entry.comparingByKey()))
                      .findFirst()
                      .orElseThrow()
                      .getKey();
              dominant.put(cleaned, main);
              List<String> others =
                  counts.keySet().stream().filter(s -> !s.equals(main)).sorted().toList();
              examples.add(tag.name() + " '" + cleaned + "' also written " + quoted(others));
            }
          });
      for (int i = 0; i < raw.size(); i++) {
        String cleaned = tag.value().apply(clean.get(i));
        String written = tag.value().apply(raw.get(i));
        String main = cleaned == null ? null : dominant.get(cleaned);
        if (main != null && written != null && !written.equals(main)) {
          affectedRow[i] = true;
        }
      }
    }
    List<String> affectedIds = new ArrayList<>();
    long tagged = 0;
    for (int i = 0; i < raw.size(); i++) {
      if (affectedRow[i]) {
        affectedIds.add(ids.get(i));
      }
      tagged += taggedRow[i] ? 1 : 0;
    }
    long affected = affectedIds.size();
    return found(
        affected,
        tagged,
        "tagged rows",
        0,
        0,
        0,
        affectedIds,
        examples,
        affected
            + " of "
            + tagged
            + " tagged rows ("
            + percent(affected, tagged)
            + ") spell a UTM tag differently from the rest of its group ("
            + examples.size()
            + " mixed tags)");
  }

  private static String quoted(List<String> values) {
    List<String> shown = values.stream().limit(5).map(v -> "'" + v + "'").toList();
    return String.join(", ", shown) + (values.size() > 5 ? ", ..." : "");
  }
}
