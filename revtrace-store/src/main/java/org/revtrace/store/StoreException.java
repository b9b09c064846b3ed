package org.revtrace.store;

/** The database failed or is unreachable: an outage, not bad input (STYLE.md rule 8). */
public final class StoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
