package org.revtrace.store;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One finished sync of a connection, as the table {@code sync_runs} holds it.
 *
 * @param id the run's id (0 for a run not yet recorded)
 * @param connection the connection's name
 * @param trigger what started it
 * @param startedBy the user who started it, null for the schedule
 * @param startedAt when it started
 * @param finishedAt when it ended, not before {@code startedAt}
 * @param status whether it committed what it read
 * @param rowsRead records read from the source
 * @param rowsKept records that passed the checks
 * @param rowsQuarantined records kept aside with an error
 * @param batchId the import batch it committed, null when nothing new was read or it failed
 * @param error why it failed, already redacted; null when it succeeded
 */
public record SyncRun(
    long id,
    String connection,
    Trigger trigger,
    String startedBy,
    Instant startedAt,
    Instant finishedAt,
    Status status,
    long rowsRead,
    long rowsKept,
    long rowsQuarantined,
    Long batchId,
    String error) {

  /** What started a sync. */
  public enum Trigger {
    /** A user pressed "Sync now" or called the API. */
    MANUAL,
    /** The server's schedule. */
    SCHEDULE,
    /** {@code revtrace sync}. */
    CLI;

    /** The stored code: {@code manual}, {@code schedule}, {@code cli}. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Trigger of(String code) {
      return valueOf(code.toUpperCase(Locale.ROOT));
    }
  }

  /** How a sync ended. */
  public enum Status {
    /** What was read is committed (or nothing was new). */
    OK,
    /** Nothing was committed; {@link SyncRun#error()} says why. */
    FAILED;

    /** The stored code: {@code ok} or {@code failed}. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Status of(String code) {
      return valueOf(code.toUpperCase(Locale.ROOT));
    }
  }

  public SyncRun {
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
    Objects.requireNonNull(status, "status");
    if (finishedAt.isBefore(startedAt)) {
      throw new IllegalArgumentException(
          "a run cannot finish (" + finishedAt + ") before it starts (" + startedAt + ")");
    }
    if ((status == Status.FAILED) != (error != null)) {
      throw new IllegalArgumentException("a failed run, and only a failed run, has an error");
    }
    if (rowsRead < 0 || rowsKept < 0 || rowsQuarantined < 0) {
      throw new IllegalArgumentException("negative row counts");
    }
  }

  /** A successful run. */
  public static SyncRun ok(
      String connection,
      Trigger trigger,
      String startedBy,
      Instant startedAt,
      Instant finishedAt,
      long rowsRead,
      long rowsKept,
      long rowsQuarantined,
      Long batchId) {
    return new SyncRun(
        0,
        connection,
        trigger,
        startedBy,
        startedAt,
        finishedAt,
        Status.OK,
        rowsRead,
        rowsKept,
        rowsQuarantined,
        batchId,
        null);
  }

  /** A failed run with its (redacted) error. */
  public static SyncRun failed(
      String connection,
      Trigger trigger,
      String startedBy,
      Instant startedAt,
      Instant finishedAt,
      String error) {
    return new SyncRun(
        0,
        connection,
        trigger,
        startedBy,
        startedAt,
        finishedAt,
        Status.FAILED,
        0,
        0,
        0,
        null,
        error);
  }
}
