package org.revtrace.store;

import org.revtrace.core.port.ImportBatches;
import org.revtrace.core.testing.ImportBatchesContract;

/** Runs the store contract against the embedded PostgreSQL. */
class JdbcImportBatchesIT implements ImportBatchesContract {

  @Override
  public ImportBatches emptyStore() {
    return new JdbcImportBatches(SharedDatabase.empty());
  }
}
