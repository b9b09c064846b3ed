package org.revtrace.core.port;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.revtrace.core.testing.ImportBatchesContract;
import org.revtrace.core.testing.InMemoryImportBatches;

/** Runs the store contract against the in-memory fake. */
class InMemoryImportBatchesTest implements ImportBatchesContract {

  @Override
  public ImportBatches emptyStore() {
    return new InMemoryImportBatches(
        Clock.fixed(Instant.parse("2025-03-01T00:00:00Z"), ZoneOffset.UTC));
  }
}
