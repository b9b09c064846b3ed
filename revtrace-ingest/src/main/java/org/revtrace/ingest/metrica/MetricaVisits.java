package org.revtrace.ingest.metrica;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
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
import org.revtrace.ingest.normalize.ChannelGrouping;
import org.revtrace.ingest.normalize.UrlTags;
import org.revtrace.ingest.normalize.UtmNormalizer;

/**
 * Maps Yandex Metrica Logs API visits ({@code source=visits}) to visit touchpoints.
 *
 * <p>Each visit becomes {@code metrica:<ym:s:visitID>} at {@code ym:s:dateTime} (written in the
 * counter's time zone, so the zone is a setting; an ISO-8601 time with offset is also read), with
 * visitor {@code ym:s:clientID} (the ClientID a site passes to its CRM forms, so a lead carrying it
 * as visitor_id joins its visits), landing page {@code ym:s:startURL} and referrer {@code
 * ym:s:referer}. The source, under one attribution model ({@code last} by default, or {@code
 * lastsign}, {@code first}, …: the prefix of the traffic-source fields), is taken from the first
 * of:
 *
 * <ol>
 *   <li>the visit's UTM fields ({@code ym:s:<model>UTMSource} … {@code UTMTerm});
 *   <li>the UTM tags of the start URL;
 *   <li>an ad click id: {@code yclid} in the start URL → yandex / cpc, {@code gclid} (URL or {@code
 *       ym:s:<model>GCLID}) → google / cpc;
 *   <li>Metrica's traffic source {@code ym:s:<model>TrafficSource}: {@code ad} → the ad engine
 *       ({@code ym:s:<model>AdvEngine}: {@code ya_*} → yandex, {@code google*} → google, {@code
 *       vk*}/{@code mytarget} → vk, {@code facebook*} → facebook, else as written) / cpc; {@code
 *       organic} → the search engine ({@code SearchEngineRoot}) / organic; {@code social} → the
 *       network / social; {@code referral} → the referring site / referral; {@code email} → email;
 *       anything else ({@code direct}, {@code internal}, {@code undefined}, …) names no source.
 * </ol>
 *
 * <p>The channel comes from the channel grouping (tags, then referrer). Values are read as the Logs
 * API writes TSV (backslash escapes for tab, newline and backslash). A visit without id or time is
 * {@code MISSING_VALUE}, a bad time {@code BAD_TIMESTAMP}, a visit id seen before {@code
 * DUPLICATE_ID} (the first is kept), a visit without ClientID {@code MISSING_VALUE}; bad rows are
 * quarantined with their line.
 */
public final class MetricaVisits {

  private final UtmNormalizer utms;
  private final ChannelGrouping grouping;
  private final ZoneId counterZone;
  private final String model;

  /**
   * @param counterZone the counter's time zone ({@code ym:s:dateTime} is written in it)
   * @param model the attribution model prefix of the traffic-source fields ({@code last})
   */
  public MetricaVisits(
      UtmNormalizer utms, ChannelGrouping grouping, ZoneId counterZone, String model) {
    this.utms = utms;
    this.grouping = grouping;
    this.counterZone = counterZone;
    this.model = model;
  }

  /** The Logs API fields this mapping reads, to request in a log. */
  public List<String> fields() {
    List<String> fields = new ArrayList<>();
    for (String plain : List.of("visitID", "dateTime", "clientID", "startURL", "referer")) {
      fields.add("ym:s:" + plain);
    }
    for (String attributed :
        List.of(
            "TrafficSource",
            "AdvEngine",
            "SearchEngineRoot",
            "SocialNetwork",
            "ReferalSource",
            "UTMSource",
            "UTMMedium",
            "UTMCampaign",
            "UTMContent",
            "UTMTerm",
            "GCLID")) {
      fields.add("ym:s:" + model + attributed);
    }
    return fields;
  }

  /** The visits of several parts of a log, duplicates checked across them. */
  public ImportResult parse(List<String> names, List<String> parts) {
    Set<String> seen = new HashSet<>();
    List<ImportResult> results = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      results.add(parse(names.get(i), parts.get(i), seen));
    }
    return results.size() == 1 ? results.get(0) : ImportResult.combine(results);
  }

  /** The visits of one TSV part; {@code name} names it in errors ({@code metrica:visits ...}). */
  public ImportResult parse(String name, String tsv) {
    return parse(name, tsv, new HashSet<>());
  }

  private ImportResult parse(String name, String tsv, Set<String> seen) {
    String[] lines = tsv.split("\r\n|\n", -1);
    List<String> header = lines.length == 0 ? List.of() : split(lines[0]);
    List<Touchpoint> touchpoints = new ArrayList<>();
    List<RowError> errors = new ArrayList<>();
    List<QuarantinedFile.RejectedRow> rejected = new ArrayList<>();
    Columns columns = new Columns(header);
    if (columns.visitId < 0 || columns.dateTime < 0) {
      return ImportResult.rejected(
          new RowError(
              name,
              1,
              columns.visitId < 0 ? "ym:s:visitID" : "ym:s:dateTime",
              lines[0].isBlank() ? ErrorCode.EMPTY_FILE : ErrorCode.MISSING_COLUMN,
              lines[0],
              "a visits log needs ym:s:visitID and ym:s:dateTime"));
    }
    long read = 0;
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      read++;
      long line = i + 1L;
      List<String> fields = split(lines[i]);
      int before = errors.size();
      Touchpoint touch = visit(name, line, fields, columns, errors, seen);
      if (touch == null || errors.size() > before) {
        rejected.add(new QuarantinedFile.RejectedRow(line, fields));
      } else {
        touchpoints.add(touch);
      }
    }
    Map<ErrorCode, Long> counts = new EnumMap<>(ErrorCode.class);
    errors.forEach(error -> counts.merge(error.code(), 1L, Long::sum));
    FileStats stats =
        new FileStats(
            name,
            read,
            touchpoints.size(),
            rejected.size(),
            counts.getOrDefault(ErrorCode.DUPLICATE_ID, 0L),
            counts);
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
    return ImportResult.ofSource(data, errors, stats, new QuarantinedFile(name, header, rejected));
  }

  /** Column positions of the fields read, found with or without the {@code ym:s:} prefix. */
  private final class Columns {
    final int visitId;
    final int dateTime;
    final int clientId;
    final int startUrl;
    final int referer;
    final int trafficSource;
    final int advEngine;
    final int searchEngine;
    final int socialNetwork;
    final int referalSource;
    final int[] utm = new int[5];
    final int gclid;

    Columns(List<String> header) {
      visitId = find(header, "visitID");
      dateTime = find(header, "dateTime");
      clientId = find(header, "clientID");
      startUrl = find(header, "startURL");
      referer = find(header, "referer");
      trafficSource = find(header, model + "TrafficSource");
      advEngine = find(header, model + "AdvEngine");
      searchEngine = find(header, model + "SearchEngineRoot");
      socialNetwork = find(header, model + "SocialNetwork");
      referalSource = find(header, model + "ReferalSource");
      String[] tags = {"UTMSource", "UTMMedium", "UTMCampaign", "UTMContent", "UTMTerm"};
      for (int i = 0; i < tags.length; i++) {
        utm[i] = find(header, model + tags[i]);
        if (utm[i] < 0) {
          // Airbyte's stream names the last-click UTM fields without the model prefix.
          utm[i] = find(header, tags[i]);
        }
      }
      gclid = find(header, model + "GCLID");
    }
  }

  private static int find(List<String> header, String field) {
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i).strip();
      if (name.equalsIgnoreCase("ym:s:" + field) || name.equalsIgnoreCase(field)) {
        return i;
      }
    }
    return -1;
  }

  private Touchpoint visit(
      String file,
      long line,
      List<String> fields,
      Columns columns,
      List<RowError> errors,
      Set<String> seen) {
    String id = value(fields, columns.visitId);
    String time = value(fields, columns.dateTime);
    String client = value(fields, columns.clientId);
    if (id == null) {
      errors.add(new RowError(file, line, "ym:s:visitID", ErrorCode.MISSING_VALUE, "", "required"));
      return null;
    }
    Instant at = null;
    if (time == null) {
      errors.add(
          new RowError(file, line, "ym:s:dateTime", ErrorCode.MISSING_VALUE, "", "required"));
    } else {
      at = instant(time);
      if (at == null) {
        errors.add(
            new RowError(
                file,
                line,
                "ym:s:dateTime",
                ErrorCode.BAD_TIMESTAMP,
                time,
                "expected YYYY-MM-DD hh:mm:ss in the counter's zone or ISO-8601 with offset"));
      }
    }
    if (client == null || client.equals("0")) {
      errors.add(
          new RowError(
              file,
              line,
              "ym:s:clientID",
              ErrorCode.MISSING_VALUE,
              client == null ? "" : client,
              "a visit without ClientID joins no journey"));
      return null;
    }
    if (at == null) {
      return null;
    }
    if (!seen.add(id)) {
      errors.add(
          new RowError(
              file,
              line,
              "ym:s:visitID",
              ErrorCode.DUPLICATE_ID,
              id,
              "visit seen earlier; the first is kept"));
      return null;
    }
    String startUrl = value(fields, columns.startUrl);
    String referer = value(fields, columns.referer);
    Utm utm = utms.normalize(source(fields, columns, UrlTags.of(startUrl)));
    return new Touchpoint(
        "metrica:" + id,
        at,
        grouping.group(null, utm, referer, TouchType.VISIT),
        client,
        null,
        null,
        TouchType.VISIT,
        utm,
        startUrl,
        referer);
  }

  private Utm source(List<String> fields, Columns columns, UrlTags url) {
    Utm own =
        new Utm(
            value(fields, columns.utm[0]),
            value(fields, columns.utm[1]),
            value(fields, columns.utm[2]),
            value(fields, columns.utm[3]),
            value(fields, columns.utm[4]));
    if (own.source() != null || own.medium() != null) {
      return own;
    }
    if (url.hasSource()) {
      return url.utm();
    }
    String clickKind = url.clickIdKind();
    if (clickKind == null && value(fields, columns.gclid) != null) {
      clickKind = "gclid";
    }
    Utm campaignOnly = own.isEmpty() ? url.utm() : own;
    if (clickKind != null) {
      return UrlTags.withClickSource(campaignOnly, clickKind);
    }
    String traffic = lower(value(fields, columns.trafficSource));
    String source;
    String medium;
    switch (traffic == null ? "" : traffic) {
      case "ad" -> {
        source = engine(lower(value(fields, columns.advEngine)));
        medium = "cpc";
      }
      case "organic" -> {
        source = lower(value(fields, columns.searchEngine));
        medium = "organic";
      }
      case "social" -> {
        source = lower(value(fields, columns.socialNetwork));
        medium = "social";
      }
      case "referral" -> {
        source = lower(value(fields, columns.referalSource));
        medium = "referral";
      }
      case "email" -> {
        source = null;
        medium = "email";
      }
      default -> {
        return campaignOnly;
      }
    }
    return new Utm(
        source, medium, campaignOnly.campaign(), campaignOnly.content(), campaignOnly.term());
  }

  /** The source of a Metrica ad engine code. */
  private static String engine(String code) {
    if (code == null || code.equals("ya_undefined")) {
      return null;
    }
    if (code.startsWith("ya_") || code.startsWith("yandex")) {
      return "yandex";
    }
    if (code.startsWith("google")) {
      return "google";
    }
    if (code.startsWith("vk") || code.startsWith("mytarget") || code.startsWith("my_target")) {
      return "vk";
    }
    if (code.startsWith("facebook") || code.startsWith("fb")) {
      return "facebook";
    }
    return code;
  }

  private Instant instant(String text) {
    try {
      return LocalDateTime.parse(text.replace(' ', 'T')).atZone(counterZone).toInstant();
    } catch (DateTimeException notLocal) {
      try {
        return OffsetDateTime.parse(text.replace(' ', 'T')).toInstant();
      } catch (DateTimeException notOffset) {
        return null;
      }
    }
  }

  private static String value(List<String> fields, int index) {
    if (index < 0 || index >= fields.size()) {
      return null;
    }
    String value = fields.get(index).strip();
    return value.isEmpty() ? null : value;
  }

  private static String lower(String value) {
    return value == null ? null : value.toLowerCase(Locale.ROOT);
  }

  /** One TSV line split on tabs, with the Logs API's backslash escapes undone. */
  static List<String> split(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\t') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\\' && i + 1 < line.length()) {
        char next = line.charAt(++i);
        field.append(
            switch (next) {
              case 't' -> '\t';
              case 'n' -> '\n';
              case 'r' -> '\r';
              case '0' -> '\0';
              default -> next;
            });
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }
}
