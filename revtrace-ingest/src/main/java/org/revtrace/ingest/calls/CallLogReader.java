package org.revtrace.ingest.calls;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
import org.revtrace.core.model.Utm;
import org.revtrace.ingest.calls.CallLogPreset.Column;
import org.revtrace.ingest.canonical.FileStats;
import org.revtrace.ingest.canonical.ImportOptions;
import org.revtrace.ingest.canonical.ImportResult;
import org.revtrace.ingest.canonical.PersonalData;
import org.revtrace.ingest.canonical.QuarantinedFile;
import org.revtrace.ingest.connect.ReportText;

/**
 * Reads a call-tracking log (CSV, semicolon- or tab-separated; UTF-8 or UTF-16 with BOM) into
 * {@link PhoneCall}s with the column names of a {@link CallLogPreset}.
 *
 * <p>Per row: the start time is required ({@code MISSING_VALUE}, {@code BAD_TIMESTAMP}); the
 * caller's number is normalised ({@link PhoneNumbers}) and only its salted hashes are kept (salt
 * from {@link ImportOptions#salt()}, as for leads), a blank or unusable number leaving the call
 * without a phone; the duration is whole seconds or {@code [h:]mm:ss} ({@code BAD_NUMBER}, {@code
 * NEGATIVE_VALUE}); the status is answered or missed ({@code BAD_VALUE} otherwise). Outgoing calls
 * ({@code direction} {@code out}/{@code outgoing}, Mango's {@code from_extension}) are skipped:
 * they are not a prospect's touch. A repeated call id is {@code DUPLICATE_ID} (the first is kept).
 * A call without an id gets {@code t<unix seconds>-<12 hex digits of its number's hash>}. Rejected
 * rows are quarantined with their line.
 */
public final class CallLogReader {

  private static final DateTimeFormatter DAY_FIRST_SLASH =
      DateTimeFormatter.ofPattern("dd/MM/uuuu H:mm[:ss]", Locale.ROOT);
  private static final DateTimeFormatter DAY_FIRST_DOT =
      DateTimeFormatter.ofPattern("dd.MM.uuuu H:mm[:ss]", Locale.ROOT);

  /**
   * The calls of one log and how reading it went.
   *
   * @param calls the calls kept, in file order
   * @param result the rows' errors, the file's statistics and quarantined rows (no canonical data:
   *     the calls become touchpoints when matched, see {@link CallTouchpoints})
   * @param outgoing rows skipped as outgoing calls (neither kept nor quarantined)
   */
  public record CallLog(List<PhoneCall> calls, ImportResult result, long outgoing) {

    public CallLog {
      calls = List.copyOf(calls);
    }
  }

  private final CallLogPreset preset;
  private final ImportOptions options;
  private final String defaultCountryCode;

  /**
   * @param defaultCountryCode put before 10-digit numbers written without one ({@code 7})
   */
  public CallLogReader(CallLogPreset preset, ImportOptions options, String defaultCountryCode) {
    this.preset = preset;
    this.options = options;
    this.defaultCountryCode = defaultCountryCode;
  }

  /** Reads {@code file}; errors name it by its file name. */
  public CallLog read(Path file) {
    String name = file.getFileName().toString();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return failed(name, ErrorCode.UNREADABLE_FILE, "", e.getMessage());
    }
    return read(name, bytes);
  }

  /** Reads a log held in memory; {@code name} is the file name used in errors and for its zone. */
  public CallLog read(String name, byte[] bytes) {
    String text;
    try {
      text = ReportText.decode(bytes);
    } catch (CharacterCodingException e) {
      return failed(name, ErrorCode.BAD_ENCODING, "", "not UTF-8 or UTF-16 text");
    }
    List<ReportText.Line> lines = ReportText.records(text, delimiter(text));
    if (lines.isEmpty()) {
      return failed(name, ErrorCode.EMPTY_FILE, "", "no header row");
    }
    List<String> header = lines.get(0).fields();
    int firstData = 1;
    if (preset == CallLogPreset.MANGO
        && ReportText.column(header, "start") < 0
        && ReportText.column(header, "from_number") < 0) {
      header = CallLogPreset.MANGO_FIELDS;
      firstData = 0;
    }
    Map<Column, Integer> at = new EnumMap<>(Column.class);
    for (Column column : Column.values()) {
      int index = ReportText.column(header, preset.names(column).toArray(String[]::new));
      if (index >= 0) {
        at.put(column, index);
      }
    }
    for (Column required : List.of(Column.STARTED_AT, Column.PHONE)) {
      if (!at.containsKey(required)) {
        return failed(
            name,
            ErrorCode.MISSING_COLUMN,
            String.join("|", preset.names(required)),
            "the "
                + preset.code()
                + " preset needs one of these columns: "
                + String.join(", ", preset.names(required)));
      }
    }
    return new Rows(name, header, at, options.zoneFor(name))
        .read(lines.subList(firstData, lines.size()));
  }

  private static CallLog failed(String name, ErrorCode code, String field, String message) {
    return new CallLog(
        List.of(), ImportResult.rejected(new RowError(name, 0, field, code, "", message)), 0);
  }

  /** Semicolon, tab or comma: whichever the first line has most of. */
  private static char delimiter(String text) {
    int end = text.indexOf('\n');
    String first = end < 0 ? text : text.substring(0, end);
    char best = ',';
    long most = first.chars().filter(c -> c == ',').count();
    for (char candidate : new char[] {';', '\t'}) {
      long count = first.chars().filter(c -> c == candidate).count();
      if (count > most) {
        most = count;
        best = candidate;
      }
    }
    return best;
  }

  /** The reading of one file's data rows. */
  private final class Rows {

    private final String file;
    private final List<String> header;
    private final Map<Column, Integer> at;
    private final ZoneId zone;
    private final PersonalData personal = new PersonalData(options.salt());
    private final List<PhoneCall> calls = new ArrayList<>();
    private final List<RowError> errors = new ArrayList<>();
    private final List<QuarantinedFile.RejectedRow> rejected = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    private long outgoing;

    Rows(String file, List<String> header, Map<Column, Integer> at, ZoneId zone) {
      this.file = file;
      this.header = header;
      this.at = at;
      this.zone = zone;
    }

    CallLog read(List<ReportText.Line> lines) {
      long read = 0;
      for (ReportText.Line line : lines) {
        if (line.isBlank()) {
          continue;
        }
        if (isOutgoing(line)) {
          outgoing++;
          continue;
        }
        read++;
        int errorsBefore = errors.size();
        PhoneCall call = call(line);
        if (call == null || errors.size() > errorsBefore) {
          rejected.add(new QuarantinedFile.RejectedRow(line.number(), line.fields()));
        } else {
          calls.add(call);
        }
      }
      Map<ErrorCode, Long> counts = new EnumMap<>(ErrorCode.class);
      errors.forEach(error -> counts.merge(error.code(), 1L, Long::sum));
      FileStats stats =
          new FileStats(
              file,
              read,
              calls.size(),
              rejected.size(),
              counts.getOrDefault(ErrorCode.DUPLICATE_ID, 0L),
              counts);
      return new CallLog(
          calls,
          ImportResult.ofSource(
              CanonicalData.empty(), errors, stats, new QuarantinedFile(file, header, rejected)),
          outgoing);
    }

    private boolean isOutgoing(ReportText.Line line) {
      if (preset == CallLogPreset.MANGO) {
        return !value(line, ReportText.column(header, "from_extension")).isEmpty();
      }
      String direction = text(line, Column.DIRECTION).toLowerCase(Locale.ROOT);
      return direction.equals("out")
          || direction.equals("outgoing")
          || direction.equals("outbound")
          || direction.equals("исходящий");
    }

    private PhoneCall call(ReportText.Line line) {
      String startText = text(line, Column.STARTED_AT);
      Instant started = null;
      if (startText.isEmpty()) {
        error(line, Column.STARTED_AT, ErrorCode.MISSING_VALUE, "", "the call's start is required");
      } else {
        started = instant(startText);
        if (started == null) {
          error(
              line,
              Column.STARTED_AT,
              ErrorCode.BAD_TIMESTAMP,
              startText,
              "expected ISO-8601, YYYY-MM-DD hh:mm:ss, DD/MM/YYYY hh:mm:ss or unix seconds");
        }
      }
      String e164 = PhoneNumbers.normalise(text(line, Column.PHONE), defaultCountryCode);
      List<String> keys = PhoneNumbers.keys(e164, personal);
      long duration = duration(line, started);
      boolean answered = answered(line);
      if (started == null) {
        return null;
      }
      String id = text(line, Column.ID);
      if (id.isEmpty()) {
        id =
            "t"
                + started.getEpochSecond()
                + "-"
                + (keys.isEmpty() ? "line" + line.number() : keys.get(0).substring(0, 12));
      }
      if (!ids.add(id)) {
        error(
            line, Column.ID, ErrorCode.DUPLICATE_ID, id, "call id seen earlier; the first is kept");
        return null;
      }
      Utm utm =
          new Utm(
              text(line, Column.SOURCE),
              text(line, Column.MEDIUM),
              text(line, Column.CAMPAIGN),
              text(line, Column.CONTENT),
              text(line, Column.TERM));
      String tracking =
          PhoneNumbers.normalise(text(line, Column.TRACKING_NUMBER), defaultCountryCode);
      String landing = text(line, Column.LANDING_PAGE);
      return new PhoneCall(
          id,
          started,
          keys,
          Math.max(duration, 0),
          answered,
          utm,
          tracking,
          landing.isEmpty() ? null : landing);
    }

    /** Seconds; Mango's are finish − answer of an answered call. Errors give −1. */
    private long duration(ReportText.Line line, Instant started) {
      if (preset == CallLogPreset.MANGO) {
        Instant answer = instant(value(line, ReportText.column(header, "answer")));
        Instant finish = instant(value(line, ReportText.column(header, "finish")));
        if (answer == null || finish == null || answer.getEpochSecond() == 0) {
          return 0;
        }
        return Math.max(0, finish.getEpochSecond() - answer.getEpochSecond());
      }
      String text = text(line, Column.DURATION);
      if (text.isEmpty()) {
        return 0;
      }
      Long seconds = seconds(text);
      if (seconds == null) {
        error(line, Column.DURATION, ErrorCode.BAD_NUMBER, text, "expected seconds or [h:]mm:ss");
        return -1;
      }
      if (seconds < 0) {
        error(line, Column.DURATION, ErrorCode.NEGATIVE_VALUE, text, "a duration is not negative");
        return -1;
      }
      return seconds;
    }

    private boolean answered(ReportText.Line line) {
      String text = text(line, Column.STATUS);
      if (text.isEmpty()) {
        return true;
      }
      String value = text.toLowerCase(Locale.ROOT);
      Boolean result =
          switch (preset) {
            case MANGO -> value.equals("0") ? Boolean.FALSE : Boolean.TRUE;
            case COMAGIC -> negate(flag(value));
            case CALLTOUCH -> flag(value);
            case GENERIC -> status(value);
          };
      if (result == null) {
        error(line, Column.STATUS, ErrorCode.BAD_VALUE, text, "expected answered or missed");
        return false;
      }
      return result;
    }

    private String text(ReportText.Line line, Column column) {
      Integer index = at.get(column);
      return index == null ? "" : value(line, index);
    }

    private String value(ReportText.Line line, int index) {
      String value = line.field(index).strip();
      return value.equals("-") || value.equalsIgnoreCase("null") ? "" : value;
    }

    private void error(
        ReportText.Line line, Column column, ErrorCode code, String raw, String message) {
      Integer index = at.get(column);
      String field = index == null ? preset.names(column).get(0) : header.get(index);
      errors.add(new RowError(file, line.number(), field, code, raw, message));
    }

    private Instant instant(String text) {
      if (text.isEmpty()) {
        return null;
      }
      if (text.matches("\\d{9,11}")) {
        return Instant.ofEpochSecond(Long.parseLong(text));
      }
      try {
        return OffsetDateTime.parse(text.replace(' ', 'T')).toInstant();
      } catch (DateTimeException notWithOffset) {
        // local forms below
      }
      try {
        return LocalDateTime.parse(text.replace(' ', 'T')).atZone(zone).toInstant();
      } catch (DateTimeException notIsoLocal) {
        // day-first forms below
      }
      for (DateTimeFormatter format : new DateTimeFormatter[] {DAY_FIRST_SLASH, DAY_FIRST_DOT}) {
        try {
          return LocalDateTime.parse(text, format).atZone(zone).toInstant();
        } catch (DateTimeException notThisForm) {
          // try the next form
        }
      }
      return null;
    }
  }

  private static Long seconds(String text) {
    if (text.matches("-?\\d{1,9}")) {
      return Long.parseLong(text);
    }
    if (text.matches("\\d{1,9}\\.0+")) {
      return Long.parseLong(text.substring(0, text.indexOf('.')));
    }
    if (text.matches("(\\d{1,4}:)?\\d{1,2}:\\d{2}")) {
      long total = 0;
      for (String part : text.split(":")) {
        total = total * 60 + Long.parseLong(part);
      }
      return total;
    }
    return null;
  }

  private static Boolean flag(String value) {
    return switch (value) {
      case "true", "1", "yes", "да", "y" -> Boolean.TRUE;
      case "false", "0", "no", "нет", "n" -> Boolean.FALSE;
      default -> null;
    };
  }

  private static Boolean negate(Boolean value) {
    return value == null ? null : !value;
  }

  private static Boolean status(String value) {
    return switch (value) {
      case "answered",
          "success",
          "successful",
          "accepted",
          "true",
          "1",
          "отвечен",
          "принят",
          "успешный" ->
          Boolean.TRUE;
      case "missed",
          "lost",
          "no_answer",
          "noanswer",
          "unanswered",
          "false",
          "0",
          "пропущен",
          "пропущенный",
          "неотвеченный" ->
          Boolean.FALSE;
      default -> null;
    };
  }
}
