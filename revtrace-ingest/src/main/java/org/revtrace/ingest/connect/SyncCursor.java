package org.revtrace.ingest.connect;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * How far an incremental sync of one entity of one source got: the latest modification time seen
 * and the id of the record that carried it.
 *
 * <p>The next sync asks for records modified <em>at or after</em> {@code modifiedAt}: CRMs filter
 * by whole seconds, so a strict "after" would lose a record saved in the same second as the last
 * one read. The boundary record is therefore read again; that is harmless because the store
 * replaces rows with the same source and external id, and an updated record in a later sync is
 * simply emitted again.
 *
 * <p>Ad platforms report spend per calendar day, not per modified record: their cursor is a <em>day
 * cursor</em> ({@link #ofDay}) holding only the last day synced ({@link SpendCursor} says how the
 * next range follows from it). A cursor is either kind, never both.
 *
 * @param source connector name, e.g. {@code bitrix24}
 * @param entity the entity or method, e.g. {@code crm.deal.list}
 * @param modifiedAt the latest modification time seen; null before the first sync and in a day
 *     cursor
 * @param lastId id of the record modified at {@code modifiedAt} (the greatest, when several were);
 *     null before the first sync and in a day cursor
 * @param lastDay the last day synced, in a day cursor; null otherwise
 */
public record SyncCursor(
    String source, String entity, Instant modifiedAt, String lastId, LocalDate lastDay) {

  public SyncCursor {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(entity, "entity");
    if ((modifiedAt == null) != (lastId == null)) {
      throw new IllegalArgumentException("modifiedAt and lastId are set together");
    }
    if (lastDay != null && modifiedAt != null) {
      throw new IllegalArgumentException("a day cursor has no modification time");
    }
  }

  /** A modification-time cursor (no day). */
  public SyncCursor(String source, String entity, Instant modifiedAt, String lastId) {
    this(source, entity, modifiedAt, lastId, null);
  }

  /** A day cursor: the spend of every day up to {@code lastDay} was synced. */
  public static SyncCursor ofDay(String source, String entity, LocalDate lastDay) {
    return new SyncCursor(source, entity, null, null, Objects.requireNonNull(lastDay, "lastDay"));
  }

  /** The cursor of an entity never synced: the first sync reads everything. */
  public static SyncCursor initial(String source, String entity) {
    return new SyncCursor(source, entity, null, null);
  }

  /** True before the first sync. */
  public boolean isInitial() {
    return modifiedAt == null && lastDay == null;
  }

  /**
   * Where the cursor stands, for people: {@code (none)}, {@code >=2025-03-01T07:00:02Z#102}, or
   * {@code through 2025-03-10} for a day cursor.
   */
  public String position() {
    if (lastDay != null) {
      return "through " + lastDay;
    }
    return isInitial() ? "(none)" : ">=" + modifiedAt + "#" + lastId;
  }

  /**
   * This cursor moved to a record seen in a sync, if that record is later: by modification time,
   * then by id (numeric ids compared as numbers). A null time leaves the cursor as it is.
   */
  public SyncCursor advance(Instant modified, String id) {
    if (lastDay != null) {
      throw new IllegalStateException("a day cursor moves by days, not by records: " + this);
    }
    if (modified == null || id == null) {
      return this;
    }
    if (modifiedAt == null
        || modified.isAfter(modifiedAt)
        || (modified.equals(modifiedAt) && compareIds(id, lastId) > 0)) {
      return new SyncCursor(source, entity, modified, id);
    }
    return this;
  }

  private static int compareIds(String left, String right) {
    if (left.matches("\\d{1,18}") && right.matches("\\d{1,18}")) {
      return Long.compare(Long.parseLong(left), Long.parseLong(right));
    }
    return left.compareTo(right);
  }
}
