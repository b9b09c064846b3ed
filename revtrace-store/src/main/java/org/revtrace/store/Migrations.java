package org.revtrace.store;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Brings a database schema up to date with the migrations in {@code db/migration}. */
public final class Migrations {

  private Migrations() {}

  /** Applies the pending migrations and returns how many were applied (0 when up to date). */
  public static int apply(DataSource dataSource) {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        // Keep an accidental `clean` from wiping a customer's data.
        .cleanDisabled(true)
        .load()
        .migrate()
        .migrationsExecuted;
  }
}
