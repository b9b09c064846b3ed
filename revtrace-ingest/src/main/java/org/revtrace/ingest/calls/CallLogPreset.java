package org.revtrace.ingest.calls;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The column names of the call-log exports Revtrace reads out of the box. Column names are compared
 * case-insensitively; the first name a header has wins. Timestamps may be ISO-8601 with offset,
 * local {@code YYYY-MM-DD hh:mm:ss}, {@code DD/MM/YYYY hh:mm:ss}, {@code DD.MM.YYYY hh:mm:ss}
 * (local ones in the file's zone) or unix seconds, in every preset.
 */
public enum CallLogPreset {
  /**
   * A plain CSV: {@code call_id, started_at, caller_phone, duration_seconds, status
   * (answered/missed), tracking_number, utm_source … utm_term, landing_page, direction}.
   */
  GENERIC(
      columns(
          List.of("call_id", "id"),
          List.of("started_at", "call_start", "start_time", "date"),
          List.of("caller_phone", "phone", "caller", "caller_number"),
          List.of("duration_seconds", "duration"),
          List.of("status"),
          List.of("tracking_number", "virtual_number"),
          List.of("utm_source", "source"),
          List.of("utm_medium", "medium"),
          List.of("utm_campaign", "campaign"),
          List.of("utm_content", "content"),
          List.of("utm_term", "term"),
          List.of("landing_page", "url"),
          List.of("direction"))),
  /**
   * CoMagic / UIS (CallGear) Data API {@code get.calls_report} fields: {@code id, start_time,
   * contact_phone_number, talk_duration, is_lost, virtual_phone_number, utm_source … utm_term,
   * direction (in/out)}.
   */
  COMAGIC(
      columns(
          List.of("id", "call_session_id"),
          List.of("start_time"),
          List.of("contact_phone_number"),
          List.of("talk_duration", "total_duration"),
          List.of("is_lost"),
          List.of("virtual_phone_number"),
          List.of("utm_source"),
          List.of("utm_medium"),
          List.of("utm_campaign"),
          List.of("utm_content"),
          List.of("utm_term"),
          List.of("page_url", "visit_page"),
          List.of("direction"))),
  /**
   * Calltouch calls diary ({@code calls-diary/calls}) fields: {@code callId, date (DD/MM/YYYY
   * hh:mm:ss), callerNumber, duration, successful, phoneNumber, utmSource … utmTerm (else source,
   * medium, keyword), url}.
   */
  CALLTOUCH(
      columns(
          List.of("callId"),
          List.of("date"),
          List.of("callerNumber"),
          List.of("duration"),
          List.of("successful"),
          List.of("phoneNumber"),
          List.of("utmSource", "source"),
          List.of("utmMedium", "medium"),
          List.of("utmCampaign"),
          List.of("utmContent"),
          List.of("utmTerm", "keyword"),
          List.of("url", "callUrl"),
          List.of())),
  /**
   * Mango Office call statistics ({@code stats/request} → {@code stats/result}),
   * semicolon-separated: {@code records; start; finish; answer; from_extension; from_number;
   * to_extension; to_number; disconnect_reason; line_number; location; create; entry_id}, times in
   * unix seconds, {@code answer = 0} for a missed call. Without a header row the fields are read in
   * this order. A row with {@code from_extension} set is an outgoing call of an employee and is
   * skipped.
   */
  MANGO(
      columns(
          List.of("entry_id"),
          List.of("start"),
          List.of("from_number"),
          List.of(),
          List.of("answer"),
          List.of("line_number"),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of()));

  /** The logical columns a preset names. */
  enum Column {
    ID,
    STARTED_AT,
    PHONE,
    DURATION,
    STATUS,
    TRACKING_NUMBER,
    SOURCE,
    MEDIUM,
    CAMPAIGN,
    CONTENT,
    TERM,
    LANDING_PAGE,
    DIRECTION
  }

  /** Mango's fields in the order {@code stats/result} writes them when no header is given. */
  static final List<String> MANGO_FIELDS =
      List.of(
          "records",
          "start",
          "finish",
          "answer",
          "from_extension",
          "from_number",
          "to_extension",
          "to_number",
          "disconnect_reason",
          "line_number",
          "location",
          "create",
          "entry_id");

  private final Map<Column, List<String>> names;

  CallLogPreset(Map<Column, List<String>> names) {
    this.names = names;
  }

  /** The header names that may hold {@code column}, in order of preference. */
  List<String> names(Column column) {
    return names.get(column);
  }

  /** The lower-case name used on the command line ({@code comagic}). */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The preset called {@code code}: {@code generic}, {@code comagic} (also {@code uis}, {@code
   * callgear}), {@code calltouch} or {@code mango}.
   *
   * @throws IllegalArgumentException for another name (the message lists the known ones)
   */
  public static CallLogPreset of(String code) {
    String wanted = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
    return switch (wanted) {
      case "", "generic", "csv" -> GENERIC;
      case "comagic", "uis", "callgear" -> COMAGIC;
      case "calltouch" -> CALLTOUCH;
      case "mango", "mango-office", "mangooffice" -> MANGO;
      default ->
          throw new IllegalArgumentException(
              "unknown call-log preset '"
                  + code
                  + "'; known: generic, comagic (uis), calltouch, mango");
    };
  }

  private static Map<Column, List<String>> columns(List<?>... perColumn) {
    Map<Column, List<String>> map = new EnumMap<>(Column.class);
    Column[] columns = Column.values();
    for (int i = 0; i < columns.length; i++) {
      List<String> list = new java.util.ArrayList<>();
      perColumn[i].forEach(name -> list.add((String) name));
      map.put(columns[i], List.copyOf(list));
    }
    return map;
  }
}
