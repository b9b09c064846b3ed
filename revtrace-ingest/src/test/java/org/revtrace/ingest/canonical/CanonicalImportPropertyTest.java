package org.revtrace.ingest.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.revtrace.core.model.TouchType;
import org.revtrace.core.model.Touchpoint;
import org.revtrace.core.model.Utm;

/**
 * Random touchpoint files with random corruption: the import never throws, accounts for every
 * generated row exactly once, and keeps exactly the uncorrupted, first-seen rows.
 */
class CanonicalImportPropertyTest {

  private static final String HEADER = "touchpoint_id,occurred_at,channel,visitor_id,type,campaign";

  /** What is done to a generated row; NONE rows must be kept, all others quarantined. */
  enum Corruption {
    NONE,
    INVALID_BYTES,
    DROPPED_FIELD,
    ADDED_FIELD,
    QUOTE_INSIDE_TIMESTAMP,
    TEXT_AFTER_CLOSING_QUOTE,
    BAD_DATE,
    BLANK_ID,
    NO_IDENTITY,
    DUPLICATE
  }

  record Spec(long epochSecond, int offsetHours, String channel, String campaign, Corruption how) {}

  @Provide
  Arbitrary<List<Spec>> files() {
    Arbitrary<Corruption> corruption =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(10, Arbitraries.just(Corruption.NONE)),
            net.jqwik.api.Tuple.of(6, Arbitraries.of(Corruption.class)));
    Arbitrary<String> campaign =
        Arbitraries.strings().withChars("abc ,\"\n\r\u00e9\u0436").ofMaxLength(8);
    Arbitrary<Spec> spec =
        Combinators.combine(
                Arbitraries.longs().between(1_500_000_000L, 1_800_000_000L),
                Arbitraries.integers().between(-12, 14),
                Arbitraries.of("seo", "yandex_direct", "email", "Кампания"),
                campaign,
                corruption)
            .as(Spec::new);
    return spec.list().ofMaxSize(40);
  }

  @Property(tries = 300)
  void everyRowIsAccountedForOnce(
      @ForAll("files") List<Spec> specs, @ForAll boolean crlf, @ForAll boolean byteOrderMark)
      throws IOException {
    String newline = crlf ? "\r\n" : "\n";
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    if (byteOrderMark) {
      bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    }
    write(bytes, HEADER + newline);
    List<Touchpoint> expected = new ArrayList<>();
    List<Integer> keptIndexes = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      Spec spec = specs.get(i);
      Corruption how = spec.how();
      String id = "tp" + i;
      if (how == Corruption.DUPLICATE) {
        if (keptIndexes.isEmpty()) {
          how = Corruption.BLANK_ID; // nothing to duplicate yet: corrupt otherwise
        } else {
          id = "tp" + keptIndexes.get(i % keptIndexes.size());
        }
      }
      Instant at = Instant.ofEpochSecond(spec.epochSecond());
      String timestamp = at.atOffset(ZoneOffset.ofHours(spec.offsetHours())).toString();
      String[] fields = {id, timestamp, spec.channel(), "v" + i, "visit", quote(spec.campaign())};
      switch (how) {
        case NONE, DUPLICATE -> {}
        case INVALID_BYTES -> fields[2] = fields[2] + "\u0000BAD\u0000";
        case DROPPED_FIELD -> fields = java.util.Arrays.copyOf(fields, fields.length - 1);
        case ADDED_FIELD -> fields = java.util.Arrays.copyOf(fields, fields.length + 1);
        case QUOTE_INSIDE_TIMESTAMP -> fields[1] = "20\"" + timestamp.substring(2);
        case TEXT_AFTER_CLOSING_QUOTE -> fields[1] = "\"" + timestamp + "\"x";
        case BAD_DATE -> fields[1] = "13/45/" + (2000 + i);
        case BLANK_ID -> fields[0] = " ";
        case NO_IDENTITY -> fields[3] = "";
      }
      if (fields[fields.length - 1] == null) {
        fields[fields.length - 1] = "extra";
      }
      String line = String.join(",", fields) + newline;
      if (how == Corruption.INVALID_BYTES) {
        // 0xFF never occurs in UTF-8; it replaces the NUL markers put into the channel above.
        byte[] raw = line.getBytes(StandardCharsets.UTF_8);
        for (int b = 0; b < raw.length; b++) {
          if (raw[b] == 0) {
            raw[b] = (byte) 0xFF;
          }
        }
        bytes.write(raw);
      } else {
        write(bytes, line);
      }
      if (how == Corruption.NONE) {
        keptIndexes.add(i);
        expected.add(
            new Touchpoint(
                id,
                at,
                spec.channel(),
                "v" + i,
                null,
                null,
                TouchType.VISIT,
                new Utm(null, null, expectedText(spec.campaign()), null, null),
                null,
                null));
      }
    }
    Path dir = Files.createTempDirectory("property");
    try {
      Path file = TestFiles.write(dir, "touchpoints.csv", bytes.toByteArray());
      ImportResult result =
          new CanonicalImporter()
              .importFile(file, CanonicalFile.TOUCHPOINTS, ImportOptions.defaults());

      FileStats stats = result.files().get(0);
      assertThat(stats.rowsRead()).as("read %s", result.errors()).isEqualTo(specs.size());
      assertThat(stats.rowsKept()).as("kept %s", result.errors()).isEqualTo(expected.size());
      assertThat(stats.rowsQuarantined()).isEqualTo(specs.size() - expected.size());
      long quarantined = result.quarantine().stream().mapToLong(q -> q.rows().size()).sum();
      assertThat(quarantined).as("quarantine list").isEqualTo(stats.rowsQuarantined());
      assertThat(result.data().touchpoints()).isEqualTo(expected);
    } finally {
      try (var files = Files.list(dir)) {
        for (Path path : files.toList()) {
          Files.delete(path);
        }
      }
      Files.delete(dir);
    }
  }

  /** A lone CR is read as LF (see CheckedUtf8Reader); then values are trimmed. */
  private static String expectedText(String value) {
    return value.replace("\r\n", "\u0001").replace('\r', '\n').replace("\u0001", "\r\n").trim();
  }

  private static String quote(String value) {
    return "\"" + value.replace("\"", "\"\"") + "\"";
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
