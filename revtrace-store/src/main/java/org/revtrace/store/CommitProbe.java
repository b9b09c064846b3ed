package org.revtrace.store;

import java.sql.SQLException;

/** Called inside a commit's transaction after each table is loaded; tests use it to fail there. */
interface CommitProbe {

  CommitProbe NONE = table -> {};

  void tableLoaded(String table) throws SQLException;
}
