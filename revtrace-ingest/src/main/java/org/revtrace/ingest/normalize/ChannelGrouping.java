package org.revtrace.ingest.normalize;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.revtrace.core.model.TouchType;
import org.revtrace.core.model.Utm;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Assigns a channel group (paid_search, organic_search, …, other) from channel, UTM source and
 * medium, referrer and touch type by ordered rules, the first match winning (the default table is
 * {@code channel-rules.yaml}, documented in docs/definitions/normalisation.md). Expects normalised
 * UTMs ({@link UtmNormalizer}).
 */
public final class ChannelGrouping {

  private static final List<String> FIELDS =
      List.of("channel", "source", "medium", "referrer", "type");

  private record Rule(String group, Map<String, List<String>> when) {}

  private final Map<String, Set<String>> sets = new HashMap<>();
  private final List<Rule> rules = new ArrayList<>();
  private final String fallback;

  private ChannelGrouping(JsonNode root) {
    for (Map.Entry<String, JsonNode> set : root.path("sets").properties()) {
      Set<String> members = new HashSet<>();
      set.getValue().forEach(member -> members.add(member.asString().toLowerCase(Locale.ROOT)));
      sets.put(set.getKey(), members);
    }
    for (JsonNode rule : root.path("rules")) {
      Map<String, List<String>> when = new HashMap<>();
      for (Map.Entry<String, JsonNode> condition : rule.path("when").properties()) {
        if (!FIELDS.contains(condition.getKey())) {
          throw new IllegalArgumentException("unknown rule field: " + condition.getKey());
        }
        List<String> values = new ArrayList<>();
        condition.getValue().forEach(value -> values.add(value.asString()));
        when.put(condition.getKey(), values);
      }
      rules.add(new Rule(rule.path("group").asString(), when));
    }
    this.fallback = root.path("default").asString("other");
  }

  /** The bundled default rules. */
  public static ChannelGrouping defaults() {
    try (InputStream in = ChannelGrouping.class.getResourceAsStream("channel-rules.yaml")) {
      return new ChannelGrouping(YAMLMapper.builder().build().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("bundled channel-rules.yaml is unreadable", e);
    }
  }

  /** Rules from a user file in the same format as the default; it replaces the default entirely. */
  public static ChannelGrouping load(Path rulesFile) throws IOException {
    try (InputStream in = Files.newInputStream(rulesFile)) {
      return new ChannelGrouping(YAMLMapper.builder().build().readTree(in));
    }
  }

  /** The group of a touch; every argument may be null. */
  public String group(String channel, Utm utm, String referrer, TouchType type) {
    Utm tags = utm == null ? Utm.NONE : utm;
    Map<String, String> values = new HashMap<>();
    values.put("channel", lower(channel));
    values.put("source", tags.source());
    values.put("medium", tags.medium());
    values.put("referrer", lower(referrer));
    values.put("type", type == null ? null : type.code());
    for (Rule rule : rules) {
      if (matches(rule, values)) {
        return rule.group().equals("$channel") ? values.get("channel") : rule.group();
      }
    }
    return fallback;
  }

  private boolean matches(Rule rule, Map<String, String> values) {
    for (Map.Entry<String, List<String>> condition : rule.when().entrySet()) {
      String value = values.get(condition.getKey());
      boolean referrer = condition.getKey().equals("referrer");
      boolean any = false;
      for (String expected : condition.getValue()) {
        if (matchesOne(expected, value, referrer)) {
          any = true;
          break;
        }
      }
      if (!any) {
        return false;
      }
    }
    return true;
  }

  private boolean matchesOne(String expected, String value, boolean referrer) {
    boolean blank = value == null || value.isBlank();
    return switch (expected) {
      case "-" -> blank;
      case "*" -> !blank;
      default -> {
        if (blank) {
          yield false;
        }
        if (expected.startsWith("@")) {
          Set<String> set = sets.getOrDefault(expected.substring(1), Set.of());
          yield set.contains(referrer ? host(value) : value);
        }
        yield expected.equals(value);
      }
    };
  }

  /** The host of a URL without scheme, port, path and a leading {@code www.}. */
  static String host(String url) {
    String rest = url;
    int scheme = rest.indexOf("://");
    if (scheme >= 0) {
      rest = rest.substring(scheme + 3);
    }
    int end = rest.length();
    for (char stop : new char[] {'/', '?', '#', ':'}) {
      int at = rest.indexOf(stop);
      if (at >= 0 && at < end) {
        end = at;
      }
    }
    rest = rest.substring(0, end);
    return rest.startsWith("www.") ? rest.substring(4) : rest;
  }

  private static String lower(String value) {
    return value == null ? null : value.trim().toLowerCase(Locale.ROOT);
  }
}
