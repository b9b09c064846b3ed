package org.revtrace.ingest.normalize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.revtrace.core.model.Utm;

/**
 * Cleans UTM values (docs/definitions/normalisation.md): strips surrounding quotes, decodes URL
 * escapes and {@code +}, collapses whitespace, trims and lower-cases, then maps source and medium
 * synonyms ({@code ya} → {@code yandex}, {@code ppc} → {@code cpc}) from {@code utm-synonyms.csv}.
 *
 * <p>The steps repeat until the value no longer changes, so normalising twice equals normalising
 * once even for doubly escaped input such as {@code %2520}. Blank results become null.
 *
 * <p>Results are memoised (tags repeat on most touches); an instance is not thread-safe.
 */
public final class UtmNormalizer {

  private final Map<String, String> sources = new HashMap<>();
  private final Map<String, String> mediums = new HashMap<>();

  /** Memo of whole tag sets; bounded so that unique terms on millions of touches cannot fill it. */
  private final Map<Utm, Utm> memo = new HashMap<>();

  private static final int MEMO_LIMIT = 200_000;

  /** The normaliser with the bundled synonym tables. */
  public UtmNormalizer() {
    try (InputStream in = UtmNormalizer.class.getResourceAsStream("utm-synonyms.csv");
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      reader.readLine();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] parts = line.split(",", -1);
        (parts[0].equals("source") ? sources : mediums).put(parts[1], parts[2]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("bundled utm-synonyms.csv is unreadable", e);
    }
  }

  /** All five tags cleaned; source and medium also mapped to their canonical spelling. */
  public Utm normalize(Utm utm) {
    Utm known = memo.get(utm);
    if (known != null) {
      return known;
    }
    Utm normalised = compute(utm);
    if (memo.size() < MEMO_LIMIT) {
      memo.put(utm, normalised);
    }
    return normalised;
  }

  private Utm compute(Utm utm) {
    return new Utm(
        source(utm.source()),
        medium(utm.medium()),
        clean(utm.campaign()),
        clean(utm.content()),
        clean(utm.term()));
  }

  /** A cleaned source with synonyms mapped, or null. */
  public String source(String value) {
    return mapped(clean(value), sources);
  }

  /** A cleaned medium with synonyms mapped, or null. */
  public String medium(String value) {
    return mapped(clean(value), mediums);
  }

  private static String mapped(String value, Map<String, String> synonyms) {
    return value == null ? null : synonyms.getOrDefault(value, value);
  }

  /** The generic cleanup repeated to a fixed point; null for blank. */
  public static String clean(String value) {
    if (value == null) {
      return null;
    }
    String current = value;
    // Each step keeps or shortens the text, so this ends; the bound is a guard only.
    for (int round = 0; round < 16; round++) {
      String next = step(current);
      if (next.equals(current)) {
        break;
      }
      current = next;
    }
    return current.isEmpty() ? null : current;
  }

  private static String step(String value) {
    String text = decode(value);
    StringBuilder out = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        space = out.length() > 0;
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c);
      }
    }
    String collapsed = out.toString().toLowerCase(Locale.ROOT);
    return stripQuotes(collapsed);
  }

  private static String stripQuotes(String text) {
    if (text.length() >= 2) {
      char first = text.charAt(0);
      char last = text.charAt(text.length() - 1);
      if ((first == '"' || first == '\'' || first == '«')
          && (last == '"' || last == '\'' || last == '»')) {
        return text.substring(1, text.length() - 1);
      }
    }
    return text;
  }

  /** Decodes {@code +} and {@code %XX} UTF-8 escapes; malformed escapes are kept as they are. */
  private static String decode(String text) {
    if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
      return text;
    }
    byte[] bytes = new byte[text.length() * 4];
    int length = 0;
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int hex = c == '%' && i + 2 < text.length() ? hexByte(text, i + 1) : -1;
      if (hex >= 0) {
        bytes[length++] = (byte) hex;
        i += 2;
        continue;
      }
      if (length > 0) {
        out.append(new String(bytes, 0, length, StandardCharsets.UTF_8));
        length = 0;
      }
      out.append(c == '+' ? ' ' : c);
    }
    if (length > 0) {
      out.append(new String(bytes, 0, length, StandardCharsets.UTF_8));
    }
    return out.toString();
  }

  private static int hexByte(String text, int from) {
    if (from + 2 > text.length()) {
      return -1;
    }
    int high = Character.digit(text.charAt(from), 16);
    int low = Character.digit(text.charAt(from + 1), 16);
    return high < 0 || low < 0 ? -1 : high * 16 + low;
  }
}
