package org.revtrace.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.revtrace.core.testing.CanonicalSamples;

/** The BI views show money in major units of each row's currency, and batch bookkeeping. */
class BiViewsIT {

  @Test
  void viewsShowTheStoredRows() throws SQLException {
    DataSource dataSource = SharedDatabase.empty();
    new JdbcImportBatches(dataSource)
        .commit(
            "canonical",
            "demo",
            "hash-1",
            CanonicalSamples.everyFile(),
            CanonicalSamples.twoErrors());

    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      assertThat(decimals(statement, "select cost from v_channel_spend order by channel"))
          .containsExactly(new BigDecimal("1500.50"), new BigDecimal("20.00"));
      assertThat(decimals(statement, "select amount from v_deals order by deal_id"))
          .containsExactly(new BigDecimal("250000.00"), new BigDecimal("0"));
      assertThat(decimals(statement, "select paid from v_deals where deal_id = 'd1'"))
          .containsExactly(new BigDecimal("125000.00"));
      try (ResultSet row =
          statement.executeQuery("select is_mql, is_sql from v_leads where lead_id = 'l1'")) {
        row.next();
        assertThat(row.getBoolean(1)).isTrue();
        assertThat(row.getBoolean(2)).isTrue();
      }
      try (ResultSet row =
          statement.executeQuery(
              "select offered_rows, stored_rows, skipped_rows, quarantined_rows from v_batches")) {
        row.next();
        assertThat(List.of(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4)))
            .containsExactly(20L, 20L, 0L, 2L);
      }
    }
  }

  private static List<BigDecimal> decimals(Statement statement, String sql) throws SQLException {
    try (ResultSet rows = statement.executeQuery(sql)) {
      List<BigDecimal> values = new java.util.ArrayList<>();
      while (rows.next()) {
        values.add(rows.getBigDecimal(1));
      }
      return values;
    }
  }
}
