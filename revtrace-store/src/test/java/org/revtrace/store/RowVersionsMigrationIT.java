package org.revtrace.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.revtrace.core.port.BatchSummary;
import org.revtrace.core.port.RowCounts;

/** Migration V3 gives batches committed before it their per-table counts. */
class RowVersionsMigrationIT {

  @Test
  void batchesCommittedBeforeV3GetCountsFromTheRowsTheyHold() throws SQLException {
    DataSource dataSource = freshDatabase("before_v3");
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .target("2")
        .load()
        .migrate();
    // A V2-era batch: five rows offered, three stored (two touchpoints, one deal), two skipped.
    SharedDatabase.execute(
        dataSource,
        "insert into batches (source, file_name, content_hash, offered_rows, stored_rows)"
            + " values ('canonical', 'old.csv', 'hash-old', 5, 3);"
            + " insert into currencies values ('RUB', 2);"
            + " insert into touchpoints (batch_id, position, source, touchpoint_id, occurred_at,"
            + " channel, type) values (1, 0, 'canonical', 't1', now(), 'vk', 'visit'),"
            + " (1, 1, 'canonical', 't2', now(), 'vk', 'visit');"
            + " insert into deals (batch_id, position, source, deal_id, created_at, amount_minor,"
            + " currency, status) values (1, 0, 'canonical', 'd1', now(), 100, 'RUB', 'open')");

    assertThat(Migrations.apply(dataSource)).isPositive();

    BatchSummary batch = new JdbcImportBatches(dataSource).batches().get(0);
    assertThat(batch.tables())
        .containsEntry("touchpoints", new RowCounts(2, 0, 0))
        .containsEntry("deals", new RowCounts(1, 0, 0))
        .containsEntry("*", new RowCounts(0, 0, 2));
    assertThat(batch.offeredRows()).isEqualTo(5);
    assertThat(batch.storedRows()).isEqualTo(3);
    assertThat(
            rows(dataSource, "select inserted_rows, updated_rows, unchanged_rows from v_batches"))
        .containsExactly("3,0,2");
  }

  private static DataSource freshDatabase(String name) {
    DataSource server = SharedDatabase.get().dataSource();
    SharedDatabase.execute(server, "drop database if exists " + name);
    SharedDatabase.execute(server, "create database " + name);
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    Database database = SharedDatabase.get().database();
    dataSource.setURL(database.url().replace("/" + EmbeddedDatabase.DATABASE_NAME, "/" + name));
    dataSource.setUser(database.user());
    return dataSource;
  }

  private static List<String> rows(DataSource dataSource, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      int columns = row.getMetaData().getColumnCount();
      while (row.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          values.add(row.getString(i));
        }
        rows.add(String.join(",", values));
      }
    }
    return rows;
  }
}
