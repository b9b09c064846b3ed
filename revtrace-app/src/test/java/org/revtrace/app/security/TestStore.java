package org.revtrace.app.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Temporary folders for server tests: a store directory and a small data folder. */
final class TestStore {

  private TestStore() {}

  /**
   * A fresh embedded PostgreSQL directory under {@code target/} (the server stops with its context,
   * at the latest when the JVM exits; {@code mvn clean} removes the files).
   */
  static Path freshDirectory(String prefix) {
    try {
      Path parent = Files.createDirectories(Path.of("target"));
      return Files.createTempDirectory(parent, prefix).resolve("pg");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A folder with one spend row and one lead: enough for the server to start. */
  static Path smallData() {
    try {
      Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "data");
      Files.writeString(
          dir.resolve("spend.csv"),
          "date,channel,cost\n2025-03-01,vk,10.00\n",
          StandardCharsets.UTF_8);
      Files.writeString(
          dir.resolve("leads.csv"),
          "lead_id,created_at,channel\nL1,2025-03-02T10:00:00+03:00,vk\n",
          StandardCharsets.UTF_8);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
