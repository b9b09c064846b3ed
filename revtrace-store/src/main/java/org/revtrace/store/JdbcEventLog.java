package org.revtrace.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.revtrace.core.model.TouchType;
import org.revtrace.core.model.TrackedEvent;
import org.revtrace.core.model.Utm;
import org.revtrace.core.port.EventLog;

/**
 * The tracker's events in PostgreSQL: one multi-row insert per call (arrays unnested server-side),
 * {@code on conflict do nothing} on the event id, committed before it returns.
 */
public final class JdbcEventLog implements EventLog {

  private static final String INSERT =
      "insert into tracker_events (event_id, received_at, visitor_id, type, url, referrer,"
          + " utm_source, utm_medium, utm_campaign, utm_content, utm_term, click_id,"
          + " click_id_kind) select * from unnest(?::text[], ?::timestamptz[], ?::text[],"
          + " ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
          + " ?::text[], ?::text[], ?::text[]) on conflict (event_id) do nothing";

  private final DataSource dataSource;

  public JdbcEventLog(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public int append(List<TrackedEvent> events) {
    if (events.isEmpty()) {
      return 0;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(INSERT)) {
      connection.setAutoCommit(true);
      int p = 1;
      insert.setArray(p++, texts(connection, events, TrackedEvent::eventId));
      Timestamp[] received = new Timestamp[events.size()];
      for (int i = 0; i < received.length; i++) {
        received[i] = Timestamp.from(events.get(i).receivedAt());
      }
      insert.setArray(p++, connection.createArrayOf("timestamptz", received));
      insert.setArray(p++, texts(connection, events, TrackedEvent::visitorId));
      insert.setArray(p++, texts(connection, events, event -> event.type().code()));
      insert.setArray(p++, texts(connection, events, TrackedEvent::url));
      insert.setArray(p++, texts(connection, events, TrackedEvent::referrer));
      insert.setArray(p++, texts(connection, events, event -> event.utm().source()));
      insert.setArray(p++, texts(connection, events, event -> event.utm().medium()));
      insert.setArray(p++, texts(connection, events, event -> event.utm().campaign()));
      insert.setArray(p++, texts(connection, events, event -> event.utm().content()));
      insert.setArray(p++, texts(connection, events, event -> event.utm().term()));
      insert.setArray(p++, texts(connection, events, TrackedEvent::clickId));
      insert.setArray(p, texts(connection, events, TrackedEvent::clickIdKind));
      return insert.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot store " + events.size() + " tracker events", e);
    }
  }

  @Override
  public List<TrackedEvent> all() {
    List<TrackedEvent> events = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "select event_id, received_at, visitor_id, type, url, referrer, utm_source,"
                    + " utm_medium, utm_campaign, utm_content, utm_term, click_id, click_id_kind"
                    + " from tracker_events order by seq");
        ResultSet row = select.executeQuery()) {
      while (row.next()) {
        events.add(
            new TrackedEvent(
                row.getString(1),
                row.getTimestamp(2).toInstant(),
                row.getString(3),
                TouchType.parse(row.getString(4)).orElse(TouchType.OTHER),
                row.getString(5),
                row.getString(6),
                new Utm(
                    row.getString(7),
                    row.getString(8),
                    row.getString(9),
                    row.getString(10),
                    row.getString(11)),
                row.getString(12),
                row.getString(13)));
      }
      return events;
    } catch (SQLException e) {
      throw new StoreException("cannot read tracker events", e);
    }
  }

  @Override
  public long lastSequence() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement("select coalesce(max(seq), 0) from tracker_events");
        ResultSet row = select.executeQuery()) {
      row.next();
      return row.getLong(1);
    } catch (SQLException e) {
      throw new StoreException("cannot read tracker events", e);
    }
  }

  private static Array texts(
      Connection connection, List<TrackedEvent> events, Function<TrackedEvent, String> field)
      throws SQLException {
    String[] values = new String[events.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = field.apply(events.get(i));
    }
    return connection.createArrayOf("text", values);
  }
}
