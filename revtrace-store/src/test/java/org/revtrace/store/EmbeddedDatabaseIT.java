package org.revtrace.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.revtrace.core.model.CanonicalData;
import org.revtrace.core.port.BatchSummary;
import org.revtrace.core.testing.CanonicalSamples;

/** The embedded server keeps committed data in its directory across a stop and a start. */
class EmbeddedDatabaseIT {

  @TempDir Path temporary;

  @Test
  void committedDataSurvivesARestartOnTheSameDirectory() {
    Path directory = temporary.resolve("revtrace-data").resolve("pg");
    List<BatchSummary> batches;
    CanonicalData stored;
    try (EmbeddedDatabase first = EmbeddedDatabase.start(directory)) {
      JdbcImportBatches store = new JdbcImportBatches(first.dataSource());
      store.commit(
          "canonical",
          "demo",
          "hash-1",
          CanonicalSamples.everyFile(),
          CanonicalSamples.twoErrors());
      batches = store.batches();
      stored = store.loadAll();
    }

    try (EmbeddedDatabase second = EmbeddedDatabase.start(directory)) {
      JdbcImportBatches store = new JdbcImportBatches(second.dataSource());
      assertThat(store.batches()).isEqualTo(batches);
      assertThat(store.loadAll()).isEqualTo(stored).isEqualTo(CanonicalSamples.everyFile());
      assertThat(store.quarantine(batches.get(0).id())).hasSize(2);
      assertThat(Migrations.apply(second.dataSource())).as("already migrated").isZero();
      assertThat(second.directory()).isEqualTo(directory.toAbsolutePath());
    }
  }

  @Test
  void closeStopsTheServer() throws SQLException {
    EmbeddedDatabase database = EmbeddedDatabase.start(temporary.resolve("pg"));
    DataSource dataSource = database.dataSource();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet fsync = statement.executeQuery("show fsync")) {
      fsync.next();
      assertThat(fsync.getString(1)).as("durable, unlike zonky's test default").isEqualTo("on");
    }
    assertThat(database.port()).isPositive();
    assertThat(database.database().url()).contains(":" + database.port() + "/revtrace");

    database.close();

    assertThatThrownBy(dataSource::getConnection).isInstanceOf(SQLException.class);
  }

  @Test
  void aSecondStartOfTheSameDirectoryInThisProcessSharesTheServer() throws SQLException {
    Path directory = temporary.resolve("shared");
    EmbeddedDatabase first = EmbeddedDatabase.start(directory);
    EmbeddedDatabase second = EmbeddedDatabase.start(directory);
    DataSource dataSource = first.dataSource();

    assertThat(second.port()).isEqualTo(first.port());
    first.close();
    first.close();
    try (Connection connection = second.dataSource().getConnection()) {
      assertThat(connection.isValid(5)).as("still running for the second handle").isTrue();
    }

    second.close();
    assertThatThrownBy(dataSource::getConnection).isInstanceOf(SQLException.class);
    try (EmbeddedDatabase again = EmbeddedDatabase.start(directory)) {
      assertThat(again.dataSource().getConnection().isValid(5)).isTrue();
    }
  }
}
