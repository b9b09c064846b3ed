package org.revtrace.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.revtrace.core.model.Money;
import org.revtrace.core.model.Spend;

/**
 * The earlier versions of restated spend rows (migration V10): when a later batch replaced a spend
 * row, the version it replaced was kept. Reconciliation compares the first version read with the
 * current one to tell how much the platform restated (docs/definitions/reconciliation.md).
 */
public final class JdbcSpendVersions {

  private final DataSource dataSource;

  /** Versions in a migrated database ({@link Migrations#apply}). */
  public JdbcSpendVersions(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /**
   * The first stored version of every spend row that was replaced since, one per key (import
   * source, date, channel, UTM source, medium, campaign, currency), in key order. Rows never
   * replaced are absent; their current version is the first.
   */
  public List<Spend> firstVersions() {
    String sql =
        "select distinct on (source, date, channel, utm_source, utm_medium, utm_campaign,"
            + " currency) date, channel, utm_source, utm_medium, utm_campaign, utm_content,"
            + " utm_term, impressions, clicks, cost_minor, currency, conversions"
            + " from spend_versions"
            + " order by source, date, channel, utm_source, utm_medium, utm_campaign, currency,"
            + " version_batch_id";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql);
        ResultSet result = select.executeQuery()) {
      Row row = new Row(result);
      List<Spend> versions = new ArrayList<>();
      while (result.next()) {
        row.restart();
        var date = row.date();
        var channel = row.text();
        var utm = row.utm();
        long impressions = row.number();
        long clicks = row.number();
        Money cost = row.money();
        versions.add(new Spend(date, channel, utm, impressions, clicks, cost, row.decimal()));
      }
      return List.copyOf(versions);
    } catch (SQLException e) {
      throw new StoreException("cannot read the replaced spend versions: " + e.getMessage(), e);
    }
  }
}
