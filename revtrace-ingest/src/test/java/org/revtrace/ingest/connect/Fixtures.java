package org.revtrace.ingest.connect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.revtrace.core.model.ErrorCode;
import org.revtrace.core.model.Money;
import org.revtrace.core.model.RowError;
import org.revtrace.core.model.Spend;
import org.revtrace.ingest.canonical.ImportResult;

/** Connector fixtures from the test class path and the shared data folder. */
public final class Fixtures {

  private Fixtures() {}

  /** The bytes of {@code connectors/<path>}. */
  public static byte[] bytes(String path) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/connectors/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The UTF-8 text of {@code connectors/<path>}. */
  public static String text(String path) {
    return new String(bytes(path), StandardCharsets.UTF_8);
  }

  /** A folder of the shared data (surefire sets {@code revtrace.shared}). */
  public static Path shared(String... parts) {
    return Path.of(System.getProperty("revtrace.shared", "../../shared"), "data")
        .resolve(String.join("/", parts));
  }

  /** The rows as {@code date channel source/medium/campaign impressions clicks cost} lines. */
  public static List<String> rows(ImportResult result) {
    return result.data().spend().stream().map(Fixtures::row).toList();
  }

  static String row(Spend spend) {
    return spend.date()
        + " "
        + spend.channel()
        + " "
        + spend.utm().source()
        + "/"
        + spend.utm().medium()
        + "/"
        + spend.utm().campaign()
        + " "
        + spend.impressions()
        + " "
        + spend.clicks()
        + " "
        + spend.cost();
  }

  /** The errors as {@code line field CODE} strings. */
  public static List<String> errors(ImportResult result) {
    return result.errors().stream().map(e -> e.line() + " " + e.field() + " " + e.code()).toList();
  }

  /** The sum of the rows' cost in minor units. */
  public static Money total(ImportResult result, String currency) {
    return result.data().spend().stream()
        .map(Spend::cost)
        .reduce(Money.zero(currency), Money::plus);
  }

  /** True when some error has the code. */
  public static boolean has(ImportResult result, ErrorCode code) {
    return result.errors().stream().map(RowError::code).anyMatch(code::equals);
  }
}
