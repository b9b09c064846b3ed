package org.revtrace.ingest.ga4;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.revtrace.core.model.CanonicalData;
import org.revtrace.core.model.ErrorCode;
import org.revtrace.core.model.RowError;
import org.revtrace.core.model.TouchType;
import org.revtrace.core.model.Touchpoint;
import org.revtrace.core.model.Utm;
import org.revtrace.ingest.canonical.FileStats;
import org.revtrace.ingest.canonical.ImportResult;
import org.revtrace.ingest.canonical.QuarantinedFile;
import org.revtrace.ingest.connect.ReportText;
import org.revtrace.ingest.normalize.ChannelGrouping;
import org.revtrace.ingest.normalize.UrlTags;
import org.revtrace.ingest.normalize.UtmNormalizer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads GA4 BigQuery export event rows ({@code events_YYYYMMDD}) and makes one visit touchpoint per
 * session.
 *
 * <p>A session is the events of one {@code user_pseudo_id} with one {@code ga_session_id} event
 * parameter; events without a session id (Measurement Protocol hits, cookieless pings) are skipped.
 * The touchpoint is {@code ga4:<user_pseudo_id>:<ga_session_id>} at the session's earliest {@code
 * event_timestamp} (microseconds, UTC), visitor {@code user_pseudo_id}, contact {@code user_id}
 * when any event of the session has one, type {@code visit}.
 *
 * <p>Its source is what this session brought, taken from its first event ({@code session_start}
 * first, then by time) that names one: the event-scoped {@code collected_traffic_source} ({@code
 * manual_source}, {@code manual_medium}, {@code manual_campaign_name}, {@code manual_content},
 * {@code manual_term}; {@code gclid}/{@code dclid} without tags → google / cpc), else the event
 * parameters {@code source}, {@code medium}, {@code campaign}, {@code term}, {@code content} (older
 * exports), else the UTM tags and click id of {@code page_location}. The user-scoped {@code
 * traffic_source} (the user's first acquisition) and {@code session_traffic_source_last_click}
 * (GA4's own last non-direct click, which carries an earlier session's source into a direct one)
 * are not used: the journey is built by Revtrace. Placeholders such as {@code (direct)}, {@code
 * (none)} and {@code (not set)} count as blank. The referrer is the first {@code page_referrer},
 * dropped when it is the landing page's own host; the landing page is the first {@code
 * page_location}. The channel comes from the channel grouping (tags, then referrer).
 *
 * <p>Bad rows are quarantined with their line: not a JSON object ({@code BAD_VALUE}), no {@code
 * event_timestamp} or {@code user_pseudo_id} ({@code MISSING_VALUE}), a timestamp that is not whole
 * microseconds ({@code BAD_TIMESTAMP}).
 */
public final class Ga4Sessions {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Event parameters that the flattened CSV form may carry as bare column names. */
  private static final Set<String> PARAMS =
      Set.of(
          "page_location",
          "page_referrer",
          "page_title",
          "ga_session_id",
          "ga_session_number",
          "source",
          "medium",
          "campaign",
          "term",
          "content",
          "gclid");

  private final UtmNormalizer utms;
  private final ChannelGrouping grouping;

  public Ga4Sessions(UtmNormalizer utms, ChannelGrouping grouping) {
    this.utms = utms;
    this.grouping = grouping;
  }

  /** With the default UTM synonyms and channel rules. */
  public static Ga4Sessions defaults() {
    return new Ga4Sessions(new UtmNormalizer(), ChannelGrouping.defaults());
  }

  /** Reads a file: CSV when its name ends in {@code .csv}, else newline-delimited JSON. */
  public ImportResult read(Path file) {
    String name = file.getFileName().toString();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return ImportResult.rejected(
          new RowError(name, 0, "", ErrorCode.UNREADABLE_FILE, "", e.getMessage()));
    }
    return name.toLowerCase(Locale.ROOT).endsWith(".csv")
        ? readCsv(name, bytes)
        : readJsonLines(name, bytes);
  }

  /** Reads newline-delimited JSON, one export row per line. */
  public ImportResult readJsonLines(String name, byte[] bytes) {
    String text;
    try {
      text = ReportText.decode(bytes);
    } catch (CharacterCodingException e) {
      return rejectedFile(name, ErrorCode.BAD_ENCODING, "not UTF-8 text");
    }
    Collector collector = new Collector(name, List.of("json"));
    String[] lines = text.split("\r\n|\n|\r", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (JacksonException e) {
        node = null;
      }
      collector.event(i + 1L, node, List.of(line));
    }
    return collector.result();
  }

  /**
   * Reads the flattened CSV form: the export's columns by name, nested ones with dots ({@code
   * collected_traffic_source.manual_source}), event parameters as {@code event_params.<key>} or by
   * their bare key ({@code page_location}, {@code ga_session_id}, …).
   */
  public ImportResult readCsv(String name, byte[] bytes) {
    String text;
    try {
      text = ReportText.decode(bytes);
    } catch (CharacterCodingException e) {
      return rejectedFile(name, ErrorCode.BAD_ENCODING, "not UTF-8 or UTF-16 text");
    }
    List<ReportText.Line> lines = ReportText.records(text, ReportText.delimiter(text));
    if (lines.isEmpty()) {
      return rejectedFile(name, ErrorCode.EMPTY_FILE, "no header row");
    }
    List<String> header = lines.get(0).fields();
    if (ReportText.column(header, "event_timestamp") < 0) {
      return ImportResult.rejected(
          new RowError(
              name,
              1,
              "event_timestamp",
              ErrorCode.MISSING_COLUMN,
              String.join(",", header),
              "a GA4 export needs event_timestamp, user_pseudo_id and ga_session_id"));
    }
    Collector collector = new Collector(name, header);
    for (ReportText.Line line : lines.subList(1, lines.size())) {
      if (!line.isBlank()) {
        collector.event(line.number(), nested(header, line), line.fields());
      }
    }
    return collector.result();
  }

  private static ImportResult rejectedFile(String name, ErrorCode code, String message) {
    return ImportResult.rejected(new RowError(name, 0, "", code, "", message));
  }

  /** A CSV row rebuilt in the export's JSON shape. */
  private static ObjectNode nested(List<String> header, ReportText.Line line) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode params = root.putArray("event_params");
    for (int i = 0; i < header.size(); i++) {
      String column = header.get(i).strip();
      String value = line.field(i);
      if (value.isEmpty()) {
        continue;
      }
      String key =
          column.startsWith("event_params.")
              ? column.substring("event_params.".length())
              : PARAMS.contains(column) ? column : null;
      if (key != null) {
        ObjectNode param = params.addObject();
        param.put("key", key);
        param.putObject("value").put("string_value", value);
        continue;
      }
      ObjectNode parent = root;
      String[] path = column.split("\\.");
      for (int p = 0; p < path.length - 1; p++) {
        JsonNode child = parent.get(path[p]);
        parent = child instanceof ObjectNode object ? object : parent.putObject(path[p]);
      }
      parent.put(path[path.length - 1], value);
    }
    return root;
  }

  /** One event that belongs to a session. */
  private record Event(
      long line,
      Instant at,
      boolean sessionStart,
      String userId,
      String pageLocation,
      String pageReferrer,
      Utm utm,
      String clickKind) {

    boolean namesSource() {
      return !utm.isEmpty() || clickKind != null;
    }
  }

  /** The sessions of one file being collected. */
  private final class Collector {

    private final String file;
    private final List<String> header;
    private final Map<String, List<Event>> sessions = new LinkedHashMap<>();
    private final List<RowError> errors = new ArrayList<>();
    private final List<QuarantinedFile.RejectedRow> rejected = new ArrayList<>();
    private long kept;

    Collector(String file, List<String> header) {
      this.file = file;
      this.header = header;
    }

    void event(long line, JsonNode node, List<String> raw) {
      if (node == null || !node.isObject()) {
        reject(line, raw, "", ErrorCode.BAD_VALUE, excerpt(raw), "not a JSON object");
        return;
      }
      String sessionId = param(node, "ga_session_id");
      if (sessionId == null) {
        return;
      }
      String timestamp = text(node.get("event_timestamp"));
      String pseudoId = text(node.get("user_pseudo_id"));
      if (timestamp == null) {
        reject(line, raw, "event_timestamp", ErrorCode.MISSING_VALUE, "", "required");
        return;
      }
      if (!timestamp.matches("\\d{1,19}")) {
        reject(
            line,
            raw,
            "event_timestamp",
            ErrorCode.BAD_TIMESTAMP,
            timestamp,
            "expected microseconds since 1970-01-01 UTC");
        return;
      }
      if (pseudoId == null) {
        reject(line, raw, "user_pseudo_id", ErrorCode.MISSING_VALUE, "", "required");
        return;
      }
      long micros = Long.parseLong(timestamp);
      Instant at = Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1_000);
      String pageLocation = param(node, "page_location");
      UrlTags urlTags = UrlTags.of(pageLocation);
      JsonNode collected = node.path("collected_traffic_source");
      Utm utm =
          tags(
              text(collected.get("manual_source")),
              text(collected.get("manual_medium")),
              text(collected.get("manual_campaign_name")),
              text(collected.get("manual_content")),
              text(collected.get("manual_term")));
      String clickKind =
          text(collected.get("gclid")) != null || text(collected.get("dclid")) != null
              ? "gclid"
              : null;
      if (utm.isEmpty()) {
        utm =
            tags(
                param(node, "source"),
                param(node, "medium"),
                param(node, "campaign"),
                param(node, "content"),
                param(node, "term"));
      }
      if (clickKind == null && param(node, "gclid") != null) {
        clickKind = "gclid";
      }
      if (utm.isEmpty()) {
        utm = urlTags.utm();
      }
      if (clickKind == null) {
        clickKind = urlTags.clickIdKind();
      }
      sessions
          .computeIfAbsent(pseudoId + ":" + sessionId, key -> new ArrayList<>())
          .add(
              new Event(
                  line,
                  at,
                  "session_start".equals(text(node.get("event_name"))),
                  text(node.get("user_id")),
                  pageLocation,
                  param(node, "page_referrer"),
                  utm,
                  clickKind));
      kept++;
    }

    private void reject(
        long line, List<String> raw, String field, ErrorCode code, String value, String message) {
      errors.add(new RowError(file, line, field, code, value, message));
      rejected.add(new QuarantinedFile.RejectedRow(line, raw));
    }

    ImportResult result() {
      List<Touchpoint> touchpoints = new ArrayList<>(sessions.size());
      sessions.forEach((key, events) -> touchpoints.add(touchpoint(key, events)));
      Map<ErrorCode, Long> counts = new EnumMap<>(ErrorCode.class);
      errors.forEach(error -> counts.merge(error.code(), 1L, Long::sum));
      FileStats stats =
          new FileStats(file, kept + rejected.size(), kept, rejected.size(), 0, counts);
      CanonicalData data =
          new CanonicalData(
              List.of(),
              touchpoints,
              List.of(),
              List.of(),
              List.of(),
              List.of(),
              List.of(),
              List.of(),
              List.of(),
              List.of());
      return ImportResult.ofSource(
          data, errors, stats, new QuarantinedFile(file, header, rejected));
    }
  }

  private Touchpoint touchpoint(String key, List<Event> events) {
    List<Event> ordered = new ArrayList<>(events);
    ordered.sort(
        java.util.Comparator.comparing((Event event) -> !event.sessionStart())
            .thenComparing(Event::at)
            .thenComparingLong(Event::line));
    Instant start = events.stream().map(Event::at).min(Instant::compareTo).orElseThrow();
    Event source = ordered.stream().filter(Event::namesSource).findFirst().orElse(null);
    String landing = first(ordered, Event::pageLocation);
    String referrer = first(ordered, Event::pageReferrer);
    if (referrer != null && landing != null && host(referrer).equals(host(landing))) {
      referrer = null;
    }
    Utm utm =
        utms.normalize(
            source == null ? Utm.NONE : UrlTags.withClickSource(source.utm(), source.clickKind()));
    String visitor = key.substring(0, key.lastIndexOf(':'));
    return new Touchpoint(
        "ga4:" + key,
        start,
        grouping.group(null, utm, referrer, TouchType.VISIT),
        visitor,
        first(ordered, Event::userId),
        null,
        TouchType.VISIT,
        utm,
        landing,
        referrer);
  }

  private static String first(List<Event> events, java.util.function.Function<Event, String> get) {
    for (Event event : events) {
      String value = get.apply(event);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  private static String host(String url) {
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
    String host = rest.substring(0, end).toLowerCase(Locale.ROOT);
    return host.startsWith("www.") ? host.substring(4) : host;
  }

  /** Tags with GA4's placeholders ({@code (direct)}, {@code (none)}, {@code (not set)}) blank. */
  private static Utm tags(
      String source, String medium, String campaign, String content, String term) {
    return new Utm(
        placeholder(source),
        placeholder(medium),
        placeholder(campaign),
        placeholder(content),
        placeholder(term));
  }

  private static String placeholder(String value) {
    return value == null || (value.startsWith("(") && value.endsWith(")")) ? null : value;
  }

  /** The value of an event parameter as text, whichever typed field holds it; null if absent. */
  static String param(JsonNode event, String key) {
    for (JsonNode param : event.path("event_params")) {
      if (key.equals(text(param.get("key")))) {
        JsonNode value = param.path("value");
        for (String field :
            new String[] {"string_value", "int_value", "double_value", "float_value"}) {
          String text = text(value.get(field));
          if (text != null) {
            return text;
          }
        }
        return null;
      }
    }
    return null;
  }

  private static String text(JsonNode node) {
    if (node == null || node.isNull() || !node.isValueNode()) {
      return null;
    }
    String text = node.asString().strip();
    return text.isEmpty() ? null : text;
  }

  private static String excerpt(List<String> raw) {
    String text = String.join(",", raw);
    return text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }
}
