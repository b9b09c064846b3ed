package org.revtrace.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * CRM webhook events in the table {@code webhook_events}: recorded once per key (a redelivery is
 * counted as repeated, not stored again), pending until applied, then marked applied or failed. See
 * {@code docs/connectors/webhooks.md}.
 */
public final class JdbcWebhookEvents {

  private static final String INSERT =
      "insert into webhook_events (source, connection, entity, entity_id, action, vendor_event,"
          + " occurred_at, dedupe, received_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " on conflict on constraint webhook_events_key do nothing";
  private static final String PENDING =
      "select connection, count(*), max(id), min(received_at), max(received_at),"
          + " max(next_attempt_at), max(attempts), bool_and(action = 'delete')"
          + " from webhook_events where applied_at is null group by connection order by connection";
  private static final String APPLIED =
      "update webhook_events set applied_at = ?, batch_id = ?, next_attempt_at = null,"
          + " outcome = case when action = 'delete' then ? else ? end"
          + " where connection = ? and id <= ? and applied_at is null";
  private static final String FAILED =
      "update webhook_events set attempts = attempts + 1, last_error = ?, next_attempt_at = ?"
          + " where connection = ? and id <= ? and applied_at is null";
  private static final String RECENT =
      "select id, source, connection, entity, entity_id, action, vendor_event, occurred_at,"
          + " received_at, attempts, next_attempt_at, last_error, applied_at, batch_id, outcome"
          + " from webhook_events where (? or connection = ?) and (? or action = 'delete')"
          + " order by id desc limit ?";

  private final DataSource dataSource;

  public JdbcWebhookEvents(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /**
   * One change reported by a webhook, before it is stored.
   *
   * @param source {@code bitrix24} or {@code amocrm}
   * @param connection the connection's name
   * @param entity {@code lead}, {@code deal}, {@code contact}, {@code company}
   * @param entityId the record's id in the CRM
   * @param action {@code add}, {@code update}, {@code delete}, ...
   * @param vendorEvent the vendor's event name
   * @param occurredAt the vendor's timestamp; null when the delivery had none
   * @param dedupe the key part telling this report from a later one of the same record
   */
  public record NewEvent(
      String source,
      String connection,
      String entity,
      String entityId,
      String action,
      String vendorEvent,
      Instant occurredAt,
      String dedupe) {

    public NewEvent {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(connection, "connection");
      Objects.requireNonNull(entity, "entity");
      Objects.requireNonNull(entityId, "entityId");
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(vendorEvent, "vendorEvent");
      Objects.requireNonNull(dedupe, "dedupe");
    }
  }

  /**
   * What recording a delivery did.
   *
   * @param accepted events stored now
   * @param repeated events whose key was already stored (a redelivery)
   */
  public record Recorded(int accepted, int repeated) {}

  /**
   * The pending events of one connection, summed up for the applier.
   *
   * @param connection the connection's name
   * @param count pending events
   * @param lastId the greatest pending id: applying marks the events up to it
   * @param firstReceivedAt when the oldest pending event arrived
   * @param lastReceivedAt when the newest pending event arrived
   * @param nextAttemptAt not before this time (after a failure), or null
   * @param attempts failed syncs so far (the most of any pending event)
   * @param onlyDeletions true when every pending event is a deletion
   */
  public record Pending(
      String connection,
      long count,
      long lastId,
      Instant firstReceivedAt,
      Instant lastReceivedAt,
      Instant nextAttemptAt,
      int attempts,
      boolean onlyDeletions) {}

  /** One stored event, for pages and the API. */
  public record StoredEvent(
      long id,
      String source,
      String connection,
      String entity,
      String entityId,
      String action,
      String vendorEvent,
      Instant occurredAt,
      Instant receivedAt,
      int attempts,
      Instant nextAttemptAt,
      String lastError,
      Instant appliedAt,
      Long batchId,
      String outcome) {

    /** {@code applied}, {@code failed} (pending after a failed sync) or {@code pending}. */
    public String state() {
      return appliedAt != null ? "applied" : attempts > 0 ? "failed" : "pending";
    }
  }

  /**
   * Stores {@code events} in one transaction; an event whose key is already stored is left as it is
   * and counted as repeated.
   */
  public Recorded record(List<NewEvent> events, Instant receivedAt) {
    if (events.isEmpty()) {
      return new Recorded(0, 0);
    }
    try (Connection db = dataSource.getConnection()) {
      db.setAutoCommit(false);
      int accepted = 0;
      try (PreparedStatement insert = db.prepareStatement(INSERT)) {
        for (NewEvent event : events) {
          insert.setString(1, event.source());
          insert.setString(2, event.connection());
          insert.setString(3, event.entity());
          insert.setString(4, event.entityId());
          insert.setString(5, event.action());
          insert.setString(6, event.vendorEvent());
          setInstant(insert, 7, event.occurredAt());
          insert.setString(8, event.dedupe());
          insert.setTimestamp(9, Timestamp.from(receivedAt));
          // one by one: a key repeated inside one delivery must count as repeated too
          accepted += insert.executeUpdate();
        }
        db.commit();
      } catch (SQLException e) {
        db.rollback();
        throw e;
      }
      return new Recorded(accepted, events.size() - accepted);
    } catch (SQLException e) {
      throw new StoreException("cannot record " + events.size() + " webhook events", e);
    }
  }

  /** The connections with pending events, in name order. */
  public List<Pending> pending() {
    List<Pending> pending = new ArrayList<>();
    try (Connection db = dataSource.getConnection();
        PreparedStatement select = db.prepareStatement(PENDING);
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        pending.add(
            new Pending(
                rows.getString(1),
                rows.getLong(2),
                rows.getLong(3),
                instant(rows, 4),
                instant(rows, 5),
                instant(rows, 6),
                rows.getInt(7),
                rows.getBoolean(8)));
      }
      return pending;
    } catch (SQLException e) {
      throw new StoreException("cannot read the pending webhook events", e);
    }
  }

  /**
   * Marks the pending events of {@code connection} up to id {@code upToId} applied.
   *
   * @param batchId the batch the sync committed, or null when it found nothing new
   * @param outcome what applying did, in words
   * @param deletionOutcome what applying did to deletions, in words
   * @return the number of events marked
   */
  public int markApplied(
      String connection,
      long upToId,
      Instant appliedAt,
      Long batchId,
      String outcome,
      String deletionOutcome) {
    try (Connection db = dataSource.getConnection();
        PreparedStatement update = db.prepareStatement(APPLIED)) {
      update.setTimestamp(1, Timestamp.from(appliedAt));
      if (batchId == null) {
        update.setNull(2, Types.BIGINT);
      } else {
        update.setLong(2, batchId);
      }
      update.setString(3, deletionOutcome);
      update.setString(4, outcome);
      update.setString(5, connection);
      update.setLong(6, upToId);
      return update.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot mark the webhook events of " + connection + " applied", e);
    }
  }

  /**
   * Keeps the pending events of {@code connection} up to id {@code upToId} pending with {@code
   * error}, one more failed attempt and the time of the next try.
   *
   * @return the number of events marked
   */
  public int markFailed(String connection, long upToId, String error, Instant nextAttemptAt) {
    try (Connection db = dataSource.getConnection();
        PreparedStatement update = db.prepareStatement(FAILED)) {
      update.setString(1, error);
      update.setTimestamp(2, Timestamp.from(nextAttemptAt));
      update.setString(3, connection);
      update.setLong(4, upToId);
      return update.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot mark the webhook events of " + connection + " failed", e);
    }
  }

  /**
   * The newest events, newest first.
   *
   * @param connection only this connection's, or every connection's when null
   * @param deletionsOnly only deletions
   * @param limit at most this many
   */
  public List<StoredEvent> recent(String connection, boolean deletionsOnly, int limit) {
    List<StoredEvent> events = new ArrayList<>();
    try (Connection db = dataSource.getConnection();
        PreparedStatement select = db.prepareStatement(RECENT)) {
      select.setBoolean(1, connection == null);
      select.setString(2, connection);
      select.setBoolean(3, !deletionsOnly);
      select.setInt(4, limit);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          long batch = rows.getLong(14);
          Long batchId = rows.wasNull() ? null : batch;
          events.add(
              new StoredEvent(
                  rows.getLong(1),
                  rows.getString(2),
                  rows.getString(3),
                  rows.getString(4),
                  rows.getString(5),
                  rows.getString(6),
                  rows.getString(7),
                  instant(rows, 8),
                  instant(rows, 9),
                  rows.getInt(10),
                  instant(rows, 11),
                  rows.getString(12),
                  instant(rows, 13),
                  batchId,
                  rows.getString(15)));
        }
      }
      return events;
    } catch (SQLException e) {
      throw new StoreException("cannot read the webhook events", e);
    }
  }

  /**
   * Takes the database-wide lock of applying {@code connection}'s events (a PostgreSQL session
   * advisory lock), so that two servers on one database never sync one connection at once; empty
   * when another holds it. Closing the lock releases it.
   */
  public Optional<AutoCloseable> tryLock(String connection) {
    long key = lockKey(connection);
    Connection db = null;
    try {
      db = dataSource.getConnection();
      try (PreparedStatement lock = db.prepareStatement("select pg_try_advisory_lock(?)")) {
        lock.setLong(1, key);
        try (ResultSet row = lock.executeQuery()) {
          row.next();
          if (!row.getBoolean(1)) {
            db.close();
            return Optional.empty();
          }
        }
      }
      Connection held = db;
      return Optional.of(
          () -> {
            try (held;
                PreparedStatement unlock = held.prepareStatement("select pg_advisory_unlock(?)")) {
              unlock.setLong(1, key);
              unlock.execute();
            }
          });
    } catch (SQLException e) {
      if (db != null) {
        try {
          db.close();
        } catch (SQLException closing) {
          e.addSuppressed(closing);
        }
      }
      throw new StoreException("cannot lock the webhook events of " + connection, e);
    }
  }

  /** The first 8 bytes of SHA-256("revtrace.webhooks:" + connection) as the advisory lock key. */
  static long lockKey(String connection) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(("revtrace.webhooks:" + connection).getBytes(StandardCharsets.UTF_8));
      long key = 0;
      for (int i = 0; i < 8; i++) {
        key = (key << 8) | (digest[i] & 0xff);
      }
      return key;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  private static void setInstant(PreparedStatement statement, int index, Instant value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.TIMESTAMP);
    } else {
      statement.setTimestamp(index, Timestamp.from(value));
    }
  }

  private static Instant instant(ResultSet rows, int index) throws SQLException {
    Timestamp value = rows.getTimestamp(index);
    return value == null ? null : value.toInstant();
  }
}
