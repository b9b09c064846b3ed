package org.revtrace.ingest.connect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The vendors' official example API answers in the shared data folder (surefire sets {@code
 * revtrace.shared}); read in place, never copied into the project.
 */
public final class CrmExamples {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private CrmExamples() {}

  /** A file under {@code shared/data/ad-crm-exports/}, e.g. {@code bitrix24/crm.deal.list...}. */
  public static Path path(String relative) {
    String shared = System.getProperty("revtrace.shared", "../../shared");
    return Path.of(shared, "data", "ad-crm-exports").resolve(relative);
  }

  public static String text(String relative) {
    try {
      return Files.readString(path(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode json(String relative) {
    return JSON.readTree(text(relative));
  }
}
