package org.revtrace.ingest.http;

/** An API call that failed for good: after the retries, or with an answer retrying cannot fix. */
public final class ApiException extends RuntimeException {

  private final int status;

  public ApiException(String message, int status, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /** The HTTP status of the last answer, or 0 when none came (connection failure). */
  public int status() {
    return status;
  }
}
