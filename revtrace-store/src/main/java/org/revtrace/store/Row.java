package org.revtrace.store;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.revtrace.core.model.Money;
import org.revtrace.core.model.Utm;

/** Reads the columns of the current result row left to right, so readers list them in order. */
final class Row {

  private final ResultSet result;
  private int column;

  Row(ResultSet result) {
    this.result = result;
  }

  void restart() {
    column = 0;
  }

  String text() throws SQLException {
    return result.getString(++column);
  }

  long number() throws SQLException {
    return result.getLong(++column);
  }

  BigDecimal decimal() throws SQLException {
    return result.getBigDecimal(++column);
  }

  Instant instant() throws SQLException {
    OffsetDateTime value = result.getObject(++column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  LocalDate date() throws SQLException {
    return result.getObject(++column, LocalDate.class);
  }

  /** Two columns: amount in minor units, then currency. */
  Money money() throws SQLException {
    long minor = number();
    return new Money(minor, text());
  }

  /** Five columns: utm source, medium, campaign, content, term. */
  Utm utm() throws SQLException {
    return new Utm(text(), text(), text(), text(), text());
  }
}
