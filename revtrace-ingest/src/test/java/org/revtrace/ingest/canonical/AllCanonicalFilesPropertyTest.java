package org.revtrace.ingest.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.revtrace.core.model.Account;
import org.revtrace.core.model.CanonicalData;
import org.revtrace.core.model.Contact;
import org.revtrace.core.model.Cost;
import org.revtrace.core.model.CostCategory;
import org.revtrace.core.model.Currencies;
import org.revtrace.core.model.Deal;
import org.revtrace.core.model.DealStatus;
import org.revtrace.core.model.ErrorCode;
import org.revtrace.core.model.Lead;
import org.revtrace.core.model.Money;
import org.revtrace.core.model.Payment;
import org.revtrace.core.model.Rate;
import org.revtrace.core.model.RowError;
import org.revtrace.core.model.Spend;
import org.revtrace.core.model.StageChange;
import org.revtrace.core.model.TouchType;
import org.revtrace.core.model.Touchpoint;
import org.revtrace.core.model.Utm;

/**
 * Random valid files of every canonical kind, with a random header (required columns, a random
 * subset of the optional ones, shuffled, odd spelling, an unknown extra column) and random
 * corruption of some rows. The import never throws; the rows read, kept and quarantined match what
 * the generator wrote (counted by the generator, not by the parser); the quarantined rows are
 * exactly the corrupted ones, each with the expected code at its physical start line; and the kept
 * records equal the ones built here from the generated values.
 *
 * <p>Broken quotes are a stray quote inside an unquoted value, text after a closing quote, and an
 * unclosed quote in the last row. An unclosed quote earlier merges all later rows into one record,
 * so rows can no longer be counted apart from the parser; MalformedFileTest covers that case.
 */
class AllCanonicalFilesPropertyTest {

  private static final ImportOptions OPTIONS = ImportOptions.defaults();
  private static final String DEFAULT_CURRENCY = "RUB";

  /** What is done to a generated row; NONE rows must be kept, all others quarantined. */
  enum Corruption {
    NONE,
    INVALID_BYTES,
    DROPPED_FIELD,
    ADDED_FIELD,
    BAD_NUMBER,
    BAD_DATE,
    BLANK_REQUIRED,
    QUOTE_INSIDE_VALUE,
    TEXT_AFTER_CLOSING_QUOTE,
    UNCLOSED_QUOTE,
    EXACT_REPEAT,
    REPEATED_KEY
  }

  /** How a column's values are generated and parsed. */
  enum Type {
    ID,
    TEXT,
    REQUIRED_TEXT,
    TIMESTAMP,
    DATE,
    MONEY,
    SIGNED_MONEY,
    COUNT,
    CONVERSIONS,
    RATE,
    CURRENCY,
    STATUS,
    TOUCH_TYPE,
    CATEGORY
  }

  /** One generated row: its corruption and the seed of its values. */
  record RowIntent(Corruption corruption, long seed) {}

  /** One rendered field: CSV text as written, and the expected parsed value (null: absent). */
  record Cell(String text, Object value) {}

  /** A row as written; {@code codes} are the error codes one of which it must be rejected with. */
  record Written(List<Cell> cells, Corruption corruption, Set<ErrorCode> codes) {}

  @Provide
  Arbitrary<List<RowIntent>> rows() {
    Arbitrary<Corruption> corruption =
        Arbitraries.frequencyOf(
            Tuple.of(12, Arbitraries.just(Corruption.NONE)),
            Tuple.of(8, Arbitraries.of(Corruption.class)));
    return Combinators.combine(corruption, Arbitraries.longs())
        .as(RowIntent::new)
        .list()
        .ofMaxSize(30);
  }

  @Property(tries = 400)
  void everyRowOfEveryFileIsAccountedForOnce(
      @ForAll CanonicalFile kind,
      @ForAll("rows") List<RowIntent> intents,
      @ForAll long headerSeed,
      @ForAll boolean crlf,
      @ForAll boolean byteOrderMark)
      throws IOException {
    String newline = crlf ? "\r\n" : "\n";
    Random random = new Random(headerSeed);
    List<String> columns = header(kind, random);
    boolean extraColumn = random.nextBoolean();

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    if (byteOrderMark) {
      bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    }
    List<String> headerNames = new ArrayList<>();
    for (String column : columns) {
      headerNames.add(spell(column, random));
    }
    if (extraColumn) {
      headerNames.add(random.nextInt(headerNames.size() + 1), "note");
    }
    bytes.writeBytes((String.join(",", headerNames) + newline).getBytes(StandardCharsets.UTF_8));

    List<Object> expected = new ArrayList<>();
    Map<Long, Written> corruptedByLine = new TreeMap<>();
    List<Written> kept = new ArrayList<>();
    long line = 2;
    for (int i = 0; i < intents.size(); i++) {
      RowIntent intent = intents.get(i);
      Random values = new Random(intent.seed());
      Written row =
          write(kind, columns, i, intent.corruption(), i == intents.size() - 1, kept, values);
      List<String> fields = new ArrayList<>();
      for (Cell cell : row.cells()) {
        fields.add(cell.text());
      }
      switch (row.corruption()) {
        case DROPPED_FIELD -> fields.remove(values.nextInt(fields.size()));
        case ADDED_FIELD -> fields.add(values.nextInt(fields.size() + 1), "surplus");
        default -> {}
      }
      if (extraColumn) {
        // The extra column sits where the header put it; a ragged row just has one field less/more.
        int at = headerNames.indexOf("note");
        fields.add(Math.min(at, fields.size()), quote(text(values)));
      }
      String text = String.join(",", fields);
      if (text.isEmpty() && row.corruption() == Corruption.DROPPED_FIELD) {
        text = " "; // one blank field left: still a (ragged) row, not an empty line
      }
      if (text.isEmpty()) {
        throw new IllegalStateException("an empty line would be skipped, not read as a row");
      }
      if (row.corruption() == Corruption.UNCLOSED_QUOTE) {
        text = text + ",\"never closed"; // one more field, whose quote runs to the end of the file
      }
      text = text + newline;
      bytes.writeBytes(encode(text, values));
      if (row.corruption() == Corruption.NONE) {
        kept.add(row);
        expected.add(record(kind, columns, row.cells()));
      } else {
        corruptedByLine.put(line, row);
      }
      line += lineBreaks(text);
    }

    ImportResult result = importBytes(kind, bytes.toByteArray());

    FileStats stats = result.files().get(0);
    String context = kind + " " + result.errors();
    assertThat(stats.rowsRead()).as("read %s", context).isEqualTo(intents.size());
    assertThat(stats.rowsKept()).as("kept %s", context).isEqualTo(expected.size());
    assertThat(stats.rowsQuarantined()).as(context).isEqualTo(corruptedByLine.size());
    long quarantined = result.quarantine().stream().mapToLong(q -> q.rows().size()).sum();
    assertThat(quarantined).as("quarantine list %s", context).isEqualTo(corruptedByLine.size());
    List<Long> quarantinedLines = new ArrayList<>();
    result.quarantine().forEach(q -> q.rows().forEach(r -> quarantinedLines.add(r.line())));
    assertThat(quarantinedLines).as(context).containsExactlyElementsOf(corruptedByLine.keySet());

    Map<Long, Set<ErrorCode>> codesByLine = new HashMap<>();
    for (RowError error : result.errors()) {
      codesByLine.computeIfAbsent(error.line(), l -> new HashSet<>()).add(error.code());
    }
    assertThat(codesByLine.keySet()).as(context).isEqualTo(corruptedByLine.keySet());
    corruptedByLine.forEach(
        (at, row) ->
            assertThat(codesByLine.get(at))
                .as("line %d, %s, %s", at, row.corruption(), context)
                .containsAnyElementsOf(row.codes()));
    assertThat(records(kind, result.data())).as(context).isEqualTo(expected);

    // Keeps the generator honest: every code it aims at must come up in a run.
    for (RowError error : result.errors()) {
      Statistics.label("codes").collect(error.code());
    }
    Statistics.label("codes")
        .coverage(
            coverage -> {
              for (ErrorCode code :
                  List.of(
                      ErrorCode.BAD_ENCODING,
                      ErrorCode.RAGGED_ROW,
                      ErrorCode.MISSING_VALUE,
                      ErrorCode.BAD_NUMBER,
                      ErrorCode.BAD_DATE,
                      ErrorCode.BAD_TIMESTAMP,
                      ErrorCode.DUPLICATE_ID,
                      ErrorCode.DUPLICATE_ROW,
                      ErrorCode.CONFLICTING_ROW)) {
                coverage.check(code).count(count -> count > 0);
              }
            });
  }

  /** The required columns and a random subset of the optional ones, shuffled. */
  private static List<String> header(CanonicalFile kind, Random random) {
    List<String> columns = new ArrayList<>(kind.requiredColumns());
    if (kind == CanonicalFile.TOUCHPOINTS) {
      // A touchpoint needs an identity; the generator always gives a visitor (NO_IDENTITY is
      // covered by CanonicalImportPropertyTest).
      columns.add("visitor_id");
    }
    for (String column : kind.columns()) {
      if (!columns.contains(column) && random.nextBoolean()) {
        columns.add(column);
      }
    }
    Collections.shuffle(columns, random);
    return columns;
  }

  /** The header may spell a column in any case, with spaces around it. */
  private static String spell(String column, Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> column.toUpperCase(Locale.ROOT);
      case 1 -> " " + column + " ";
      default -> column;
    };
  }

  private static Type type(CanonicalFile kind, String column) {
    if (column.equals(kind.columns().get(0)) && column.endsWith("_id")) {
      return Type.ID; // touchpoint_id, lead_id, deal_id (also of stage changes), payment_id, ...
    }
    return switch (column) {
      case "occurred_at",
          "created_at",
          "mql_at",
          "sql_at",
          "first_response_at",
          "closed_at",
          "paid_at",
          "entered_at" ->
          Type.TIMESTAMP;
      case "date" -> Type.DATE;
      case "cost" -> Type.MONEY;
      case "amount" -> kind == CanonicalFile.PAYMENTS ? Type.SIGNED_MONEY : Type.MONEY;
      case "impressions", "clicks" -> Type.COUNT;
      case "conversions" -> Type.CONVERSIONS;
      case "rate" -> Type.RATE;
      case "currency" -> Type.CURRENCY;
      case "status" -> Type.STATUS;
      case "type" -> Type.TOUCH_TYPE;
      case "category" -> Type.CATEGORY;
      default ->
          kind.requiredColumns().contains(column) || column.equals("visitor_id")
              ? Type.REQUIRED_TEXT
              : Type.TEXT;
    };
  }

  /** Writes row {@code index} with the given corruption, or another one when it cannot apply. */
  private static Written write(
      CanonicalFile kind,
      List<String> columns,
      int index,
      Corruption wanted,
      boolean last,
      List<Written> kept,
      Random random) {
    Corruption corruption = applicable(kind, columns, wanted, last, kept);
    if (corruption == Corruption.EXACT_REPEAT) {
      Written first = kept.get(random.nextInt(kept.size()));
      return new Written(first.cells(), corruption, Set.of(duplicateCode(kind)));
    }
    List<Cell> cells = new ArrayList<>();
    // The row's currency is chosen first: its money columns are written in its minor units.
    int currencyAt = columns.indexOf("currency");
    Cell currencyCell =
        currencyAt < 0 ? null : cell(kind, Type.CURRENCY, false, index, null, random);
    String currency =
        currencyCell == null || currencyCell.value() == null
            ? DEFAULT_CURRENCY
            : (String) currencyCell.value();
    for (String column : columns) {
      cells.add(
          column.equals("currency")
              ? currencyCell
              : cell(
                  kind,
                  type(kind, column),
                  kind.requiredColumns().contains(column),
                  index,
                  currency,
                  random));
    }
    Set<ErrorCode> codes = Set.of();
    switch (corruption) {
      case NONE -> {}
      case DROPPED_FIELD, ADDED_FIELD, UNCLOSED_QUOTE -> codes = Set.of(ErrorCode.RAGGED_ROW);
      case INVALID_BYTES -> {
        int at = random.nextInt(cells.size());
        Cell cell = cells.get(at);
        // NUL marks where encode() puts invalid bytes: just inside the opening quote of a quoted
        // field (elsewhere it could split an escaped quote), anywhere in a plain one.
        String text = cell.text();
        int split = text.startsWith("\"") ? 1 : random.nextInt(text.length() + 1);
        cells.set(at, new Cell(text.substring(0, split) + "\u0000" + text.substring(split), null));
        codes = Set.of(ErrorCode.BAD_ENCODING);
      }
      case BAD_NUMBER -> {
        int at = pick(kind, columns, random, Type.MONEY, Type.SIGNED_MONEY, Type.COUNT, Type.RATE);
        String[] bad = {"\"1,5\"", "1 000", "1e5", "abc", "12.", ".5", "--1", "1.2.3", "NaN", "１２"};
        cells.set(at, new Cell(bad[random.nextInt(bad.length)], null));
        codes = Set.of(ErrorCode.BAD_NUMBER);
      }
      case BAD_DATE -> {
        int at = pick(kind, columns, random, Type.DATE, Type.TIMESTAMP);
        String[] bad = {
          "13/45/2000",
          "2025-02-30",
          "2025-13-01",
          "01.03.2025",
          "yesterday",
          "2025-3-1",
          "2025-03-01T25:00:00Z",
          "2025-03-01T10:00:00+25:00",
          "2025-03-01X10:00"
        };
        cells.set(at, new Cell(bad[random.nextInt(bad.length)], null));
        codes = Set.of(dateCode(kind, columns.get(at)));
      }
      case BLANK_REQUIRED -> {
        int at = pickRequired(kind, columns, random, Type.values());
        String[] blank = {"", " ", "\"\"", "\" \t\"", "\u3000"};
        // A row of one blank field would be an empty line, which the reader skips.
        String text = columns.size() == 1 ? " " : blank[random.nextInt(blank.length)];
        cells.set(at, new Cell(text, null));
        codes = Set.of(ErrorCode.MISSING_VALUE);
      }
      case QUOTE_INSIDE_VALUE, TEXT_AFTER_CLOSING_QUOTE -> {
        int at =
            pickRequired(kind, columns, random, Type.DATE, Type.TIMESTAMP, Type.MONEY, Type.RATE);
        String text = cells.get(at).text();
        if (text.startsWith("\"")) {
          text = text.substring(1, text.length() - 1); // a number or date: no quotes inside
        }
        text =
            corruption == Corruption.QUOTE_INSIDE_VALUE
                ? text.charAt(0) + "\"" + text.substring(1)
                : "\"" + text + "\"x";
        cells.set(at, new Cell(text, null));
        Type type = type(kind, columns.get(at));
        codes =
            Set.of(
                type == Type.DATE || type == Type.TIMESTAMP
                    ? dateCode(kind, columns.get(at))
                    : ErrorCode.BAD_NUMBER);
      }
      case REPEATED_KEY -> {
        Written first = kept.get(random.nextInt(kept.size()));
        if (kind == CanonicalFile.SPEND || kind == CanonicalFile.RATES) {
          // Same key, another cost or rate: a conflict.
          String column = kind == CanonicalFile.SPEND ? "cost" : "rate";
          cells = new ArrayList<>(first.cells());
          int at = columns.indexOf(column);
          String currencyOfFirst =
              currencyAt < 0 || first.cells().get(currencyAt).value() == null
                  ? DEFAULT_CURRENCY
                  : (String) first.cells().get(currencyAt).value();
          Object other = first.cells().get(at).value();
          Cell changed;
          do {
            changed = cell(kind, type(kind, column), true, index, currencyOfFirst, random);
          } while (sameNumber(changed.value(), other));
          cells.set(at, changed);
          codes = Set.of(ErrorCode.CONFLICTING_ROW);
        } else {
          // Same id, other values.
          int at = columns.indexOf(kind.columns().get(0));
          cells.set(at, first.cells().get(at));
          codes = Set.of(ErrorCode.DUPLICATE_ID);
        }
      }
      case EXACT_REPEAT -> throw new IllegalStateException("handled above");
    }
    return new Written(cells, corruption, codes);
  }

  /** The wanted corruption if it can apply to this file and row, else one that always can. */
  private static Corruption applicable(
      CanonicalFile kind,
      List<String> columns,
      Corruption wanted,
      boolean last,
      List<Written> kept) {
    boolean fits =
        switch (wanted) {
          case NONE, INVALID_BYTES, ADDED_FIELD, BLANK_REQUIRED -> true;
          case DROPPED_FIELD -> columns.size() > 1;
          case BAD_NUMBER ->
              has(kind, columns, Type.MONEY, Type.SIGNED_MONEY, Type.COUNT, Type.RATE);
          case BAD_DATE -> has(kind, columns, Type.DATE, Type.TIMESTAMP);
          case QUOTE_INSIDE_VALUE, TEXT_AFTER_CLOSING_QUOTE ->
              has(kind, kind.requiredColumns(), Type.DATE, Type.TIMESTAMP, Type.MONEY, Type.RATE);
          // Only the last row: an unclosed quote swallows every later line into its record.
          case UNCLOSED_QUOTE -> last;
          case EXACT_REPEAT -> !kept.isEmpty();
          case REPEATED_KEY ->
              !kept.isEmpty() && kind != CanonicalFile.STAGE_CHANGES && kind != CanonicalFile.COSTS;
        };
    if (fits) {
      return wanted;
    }
    if (wanted == Corruption.REPEATED_KEY && !kept.isEmpty()) {
      return Corruption.EXACT_REPEAT;
    }
    return wanted == Corruption.UNCLOSED_QUOTE
        ? Corruption.INVALID_BYTES
        : Corruption.BLANK_REQUIRED;
  }

  private static boolean has(CanonicalFile kind, List<String> columns, Type... types) {
    for (String column : columns) {
      if (List.of(types).contains(type(kind, column))) {
        return true;
      }
    }
    return false;
  }

  /** A random column of one of the types (which {@link #applicable} made sure exists). */
  private static int pick(CanonicalFile kind, List<String> columns, Random random, Type... types) {
    return pick(kind, columns, random, false, types);
  }

  /** A random required column of one of the types. */
  private static int pickRequired(
      CanonicalFile kind, List<String> columns, Random random, Type... types) {
    return pick(kind, columns, random, true, types);
  }

  private static int pick(
      CanonicalFile kind, List<String> columns, Random random, boolean required, Type... types) {
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      if (List.of(types).contains(type(kind, columns.get(i)))
          && (!required || kind.requiredColumns().contains(columns.get(i)))) {
        candidates.add(i);
      }
    }
    return candidates.get(random.nextInt(candidates.size()));
  }

  private static ErrorCode dateCode(CanonicalFile kind, String column) {
    return type(kind, column) == Type.DATE ? ErrorCode.BAD_DATE : ErrorCode.BAD_TIMESTAMP;
  }

  private static ErrorCode duplicateCode(CanonicalFile kind) {
    return switch (kind) {
      case TOUCHPOINTS, LEADS, DEALS, PAYMENTS, ACCOUNTS, CONTACTS -> ErrorCode.DUPLICATE_ID;
      case SPEND, STAGE_CHANGES, COSTS, RATES -> ErrorCode.DUPLICATE_ROW;
    };
  }

  private static boolean sameNumber(Object a, Object b) {
    if (a instanceof Money x && b instanceof Money y) {
      return x.minor() == y.minor();
    }
    return ((BigDecimal) a).compareTo((BigDecimal) b) == 0;
  }

  /**
   * A valid cell. Keys of id-less files are unique by construction: dates step by a week per row,
   * so two generated rows never share a date (spend, costs, rates), and stage changes carry the
   * row's deal id.
   */
  private static Cell cell(
      CanonicalFile kind, Type type, boolean required, int index, String currency, Random r) {
    return switch (type) {
      case ID -> {
        String id = "id" + index + (r.nextBoolean() ? "" : "-ж");
        yield new Cell(r.nextBoolean() ? id : quote(" " + id + " "), id);
      }
      case TEXT -> {
        if (r.nextInt(4) == 0) {
          yield new Cell("", null);
        }
        String text = text(r);
        yield new Cell(quote(text), expectedText(text));
      }
      case REQUIRED_TEXT -> {
        String text = "k" + text(r) + "z";
        yield new Cell(quote(text), expectedText(text));
      }
      case TIMESTAMP -> {
        if (r.nextInt(5) == 0 && !required) {
          yield new Cell("", null);
        }
        Instant at = Instant.ofEpochSecond(1_500_000_000L + r.nextInt(300_000_000));
        ZoneId zone = OPTIONS.zoneFor(kind.fileName());
        yield switch (r.nextInt(4)) {
          case 0 -> new Cell(at.toString(), at); // Z
          case 1 -> {
            String local = at.atZone(zone).toLocalDateTime().toString().replace('T', ' ');
            yield new Cell(local, at);
          }
          case 2 -> {
            LocalDate day = at.atZone(zone).toLocalDate();
            yield new Cell(day.toString(), day.atStartOfDay(zone).toInstant());
          }
          default -> {
            ZoneOffset offset = ZoneOffset.ofHoursMinutes(r.nextInt(27) - 12, 0);
            yield new Cell(at.atOffset(offset).toString(), at);
          }
        };
      }
      case DATE -> {
        LocalDate date = LocalDate.ofEpochDay(18_000 + index * 7L + r.nextInt(7));
        yield new Cell(date.toString(), date);
      }
      case MONEY, SIGNED_MONEY -> {
        int digits = Currencies.fractionDigits(currency);
        long minor = r.nextLong(10_000_000_000L);
        if (type == Type.SIGNED_MONEY && r.nextBoolean()) {
          minor = -minor;
        }
        String text = BigDecimal.valueOf(minor, digits).toPlainString();
        yield new Cell(r.nextBoolean() ? text : quote(text), new Money(minor, currency));
      }
      case COUNT -> {
        if (r.nextInt(4) == 0) {
          yield new Cell("", 0L);
        }
        long count = r.nextLong(1_000_000_000L);
        yield new Cell(Long.toString(count), count);
      }
      case CONVERSIONS -> {
        if (r.nextInt(4) == 0) {
          yield new Cell("", null);
        }
        // any scale; Spend keeps hundredths, so the expected record rounds alike
        BigDecimal conversions = BigDecimal.valueOf(r.nextInt(100_000), r.nextInt(4));
        yield new Cell(conversions.toPlainString(), conversions);
      }
      case RATE -> {
        BigDecimal rate = BigDecimal.valueOf(1 + r.nextInt(10_000_000), r.nextInt(5));
        yield new Cell(rate.toPlainString(), rate);
      }
      case CURRENCY -> {
        if (kind != CanonicalFile.RATES && r.nextInt(3) == 0) {
          yield new Cell("", null);
        }
        String code = List.of("RUB", "USD", "EUR", "JPY", "KZT").get(r.nextInt(5));
        yield new Cell(r.nextBoolean() ? code : code.toLowerCase(Locale.ROOT), code);
      }
      case STATUS -> enumCell(DealStatus.values(), required, r);
      case TOUCH_TYPE -> enumCell(TouchType.values(), required, r);
      case CATEGORY -> enumCell(CostCategory.values(), required, r);
    };
  }

  private static <E extends Enum<E>> Cell enumCell(E[] values, boolean required, Random random) {
    if (!required && random.nextInt(4) == 0) {
      return new Cell("", null);
    }
    E value = values[random.nextInt(values.length)];
    String name = value.name();
    return new Cell(random.nextBoolean() ? name : name.toLowerCase(Locale.ROOT), value);
  }

  /**
   * Text with the characters that trouble CSV: commas, quotes, line breaks, Cyrillic, spaces (tab,
   * no-break space, which is not whitespace, and the ideographic space, which is).
   */
  private static String text(Random random) {
    String alphabet = "ab ,\"\n\r\u00e9\u0436\t\u00a0\u3000";
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(9);
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }

  /** A lone CR is read as LF (see CheckedUtf8Reader); then values are stripped, blank is absent. */
  private static String expectedText(String value) {
    String text =
        value.replace("\r\n", "\u0001").replace('\r', '\n').replace("\u0001", "\r\n").strip();
    return text.isEmpty() ? null : text;
  }

  private static String quote(String value) {
    return "\"" + value.replace("\"", "\"\"") + "\"";
  }

  /** Physical line breaks: CRLF, lone CR and lone LF each count once. */
  private static long lineBreaks(String text) {
    long breaks = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' && (i == 0 || text.charAt(i - 1) != '\r') || c == '\r') {
        breaks++;
      }
    }
    return breaks;
  }

  /** UTF-8, with every NUL replaced by a byte sequence that is never valid UTF-8. */
  private static byte[] encode(String text, Random random) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      if (b != 0) {
        out.write(b);
        continue;
      }
      // The first byte cannot start a character here (the previous byte ends one): a stray
      // continuation byte, an overlong lead, or a byte UTF-8 never uses; then random high bytes.
      int[] starts = {0x80, 0xBF, 0xC0, 0xC1, 0xF8, 0xFE, 0xFF, 0x80 + random.nextInt(0x40)};
      out.write(starts[random.nextInt(starts.length)]);
      int more = random.nextInt(4);
      for (int i = 0; i < more; i++) {
        out.write(0x80 + random.nextInt(0x80));
      }
    }
    return out.toByteArray();
  }

  private static ImportResult importBytes(CanonicalFile kind, byte[] bytes) throws IOException {
    Path dir = Files.createTempDirectory("all-files-property");
    try {
      Path file = TestFiles.write(dir, kind.fileName(), bytes);
      return new CanonicalImporter().importFile(file, kind, OPTIONS);
    } finally {
      try (var files = Files.list(dir)) {
        for (Path path : files.toList()) {
          Files.delete(path);
        }
      }
      Files.delete(dir);
    }
  }

  /** The record the importer must build from the generated values of a kept row. */
  private static Object record(CanonicalFile kind, List<String> columns, List<Cell> cells) {
    Map<String, Object> v = new HashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      v.put(columns.get(i), cells.get(i).value());
    }
    PersonalData personal = new PersonalData(PersonalData.DEFAULT_SALT);
    return switch (kind) {
      case SPEND ->
          new Spend(
              (LocalDate) v.get("date"),
              (String) v.get("channel"),
              new Utm(s(v, "source"), s(v, "medium"), s(v, "campaign"), null, null),
              count(v, "impressions"),
              count(v, "clicks"),
              (Money) v.get("cost"),
              (BigDecimal) v.get("conversions"));
      case TOUCHPOINTS ->
          new Touchpoint(
              s(v, "touchpoint_id"),
              (Instant) v.get("occurred_at"),
              s(v, "channel"),
              s(v, "visitor_id"),
              s(v, "contact_id"),
              s(v, "account_id"),
              (TouchType) v.get("type"),
              new Utm(
                  s(v, "source"), s(v, "medium"), s(v, "campaign"), s(v, "content"), s(v, "term")),
              s(v, "landing_page"),
              s(v, "referrer"));
      case LEADS ->
          new Lead(
              s(v, "lead_id"),
              (Instant) v.get("created_at"),
              s(v, "contact_id"),
              s(v, "account_id"),
              s(v, "visitor_id"),
              personal.hashEmail(s(v, "email")),
              personal.hashPhone(s(v, "phone")),
              s(v, "channel"),
              new Utm(s(v, "source"), s(v, "medium"), s(v, "campaign"), null, null),
              (Instant) v.get("mql_at"),
              (Instant) v.get("sql_at"),
              (Instant) v.get("first_response_at"),
              s(v, "click_id"));
      case DEALS ->
          new Deal(
              s(v, "deal_id"),
              (Instant) v.get("created_at"),
              (Money) v.get("amount"),
              s(v, "account_id"),
              s(v, "contact_id"),
              s(v, "lead_id"),
              s(v, "stage"),
              (DealStatus) v.get("status"),
              (Instant) v.get("closed_at"),
              s(v, "product"));
      case STAGE_CHANGES ->
          new StageChange(s(v, "deal_id"), s(v, "stage"), (Instant) v.get("entered_at"));
      case PAYMENTS ->
          new Payment(
              s(v, "payment_id"),
              (Instant) v.get("paid_at"),
              (Money) v.get("amount"),
              s(v, "deal_id"),
              s(v, "account_id"));
      case ACCOUNTS ->
          new Account(
              s(v, "account_id"),
              s(v, "name"),
              s(v, "domain"),
              s(v, "industry"),
              s(v, "size"),
              s(v, "region"),
              s(v, "tier"));
      case CONTACTS ->
          new Contact(
              s(v, "contact_id"),
              s(v, "account_id"),
              personal.hashEmail(s(v, "email")),
              personal.hashPhone(s(v, "phone")),
              s(v, "role"));
      case COSTS ->
          new Cost(
              (LocalDate) v.get("date"),
              (CostCategory) v.get("category"),
              (Money) v.get("amount"),
              s(v, "channel"));
      case RATES ->
          new Rate(
              (LocalDate) v.get("date"), (String) v.get("currency"), (BigDecimal) v.get("rate"));
    };
  }

  private static String s(Map<String, Object> values, String column) {
    return (String) values.get(column);
  }

  private static long count(Map<String, Object> values, String column) {
    Object count = values.get(column);
    return count == null ? 0 : (Long) count;
  }

  private static List<?> records(CanonicalFile kind, CanonicalData data) {
    return switch (kind) {
      case SPEND -> data.spend();
      case TOUCHPOINTS -> data.touchpoints();
      case LEADS -> data.leads();
      case DEALS -> data.deals();
      case STAGE_CHANGES -> data.stageChanges();
      case PAYMENTS -> data.payments();
      case ACCOUNTS -> data.accounts();
      case CONTACTS -> data.contacts();
      case COSTS -> data.costs();
      case RATES -> data.rates();
    };
  }
}
