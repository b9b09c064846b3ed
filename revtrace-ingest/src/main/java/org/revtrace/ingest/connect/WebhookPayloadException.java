package org.revtrace.ingest.connect;

/**
 * A webhook delivery that cannot be read: a stable code ({@code BAD_ENCODING}, {@code
 * MISSING_VALUE}, {@code BAD_VALUE}), the field at fault and a reason. The message never holds a
 * value of an {@code auth[...]} field.
 */
public final class WebhookPayloadException extends RuntimeException {

  private final String code;
  private final String field;

  public WebhookPayloadException(String code, String field, String reason) {
    super(reason);
    this.code = code;
    this.field = field;
  }

  /** The stable error code. */
  public String code() {
    return code;
  }

  /** The form field at fault; empty when the body as a whole is. */
  public String field() {
    return field;
  }
}
