package org.revtrace.ingest.paths;

import java.nio.file.Path;

/** Locates the shared test data folder (surefire sets {@code revtrace.shared}). */
final class SharedData {
  private SharedData() {}

  static Path channelAttribution(String file) {
    String shared = System.getProperty("revtrace.shared", "../../shared");
    return Path.of(shared, "data", "channel-attribution", file);
  }
}
