package org.revtrace.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.TreeSet;
import org.revtrace.core.model.CanonicalData;

/** Records the minor-unit digits of the currencies in a batch, which the BI views divide by. */
final class CurrencyDigits {

  private CurrencyDigits() {}

  static void register(Connection connection, CanonicalData data) throws SQLException {
    TreeSet<String> codes = new TreeSet<>();
    data.spend().forEach(s -> codes.add(s.cost().currency()));
    data.deals().forEach(d -> codes.add(d.amount().currency()));
    data.payments().forEach(p -> codes.add(p.amount().currency()));
    data.costs().forEach(c -> codes.add(c.amount().currency()));
    data.rates().forEach(r -> codes.add(r.currency()));
    if (codes.isEmpty()) {
      return;
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into currencies (code, fraction_digits) values (?, ?)"
                + " on conflict (code) do nothing")) {
      for (String code : codes) {
        insert.setString(1, code);
        insert.setInt(2, org.revtrace.core.model.Currencies.fractionDigits(code));
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }
}
