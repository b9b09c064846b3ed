package org.revtrace.ingest.http;

/** An API call that failed for good: after the retries, or with an answer retrying cannot fix. */
public final class ApiException extends RuntimeException {

  private final int status;
  private final String body;

  public ApiException(String message, int status, Throwable cause) {
    this(message, status, "", cause);
  }

  /** A failure with the body of the last answer, so a connector can read the API's error detail. */
  public ApiException(String message, int status, String body, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.body = body == null ? "" : body;
  }

  /** The body of the last answer (the API's error object), or empty when none came. */
  public String body() {
    return body;
  }

  /** The HTTP status of the last answer, or 0 when none came (connection failure). */
  public int status() {
    return status;
  }
}
