package org.revtrace.ingest.connect;

import java.time.Instant;
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
 * @param source connector name, e.g. {@code bitrix24}
 * @param entity the entity or method, e.g. {@code crm.deal.list}
 * @param modifiedAt the latest modification time seen; null before the first sync
 * @param lastId id of the record modified at {@code modifiedAt} (the greatest, when several were);
 *     null before the first sync
 */
public record SyncCursor(String source, String entity, Instant modifiedAt, String lastId) {

  public SyncCursor {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(entity, "entity");
    if ((modifiedAt == null) != (lastId == null)) {
      throw new IllegalArgumentException("modifiedAt and lastId are set together");
    }
  }

  /** The cursor of an entity never synced: the first sync reads everything. */
  public static SyncCursor initial(String source, String entity) {
    return new SyncCursor(source, entity, null, null);
  }

  /** True before the first sync. */
  public boolean isInitial() {
    return modifiedAt == null;
  }

  /**
   * This cursor moved to a record seen in a sync, if that record is later: by modification time,
   * then by id (numeric ids compared as numbers). A null time leaves the cursor as it is.
   */
  public SyncCursor advance(Instant modified, String id) {
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
