package org.revtrace.core.model;

/**
 * Stable codes of input problems; scripts and the quarantine rely on these names never changing.
 */
public enum ErrorCode {
  /** The file could not be read at all (I/O error, not a regular file). */
  UNREADABLE_FILE,
  /** The bytes are not valid UTF-8. */
  BAD_ENCODING,
  /** The file has no header row. */
  EMPTY_FILE,
  /** A required column is absent from the header. */
  MISSING_COLUMN,
  /** A row has a different number of fields than the header. */
  RAGGED_ROW,
  /** A required field is blank. */
  MISSING_VALUE,
  /** A number or amount does not parse, or is out of range. */
  BAD_NUMBER,
  /** A date ({@code YYYY-MM-DD}) does not parse. */
  BAD_DATE,
  /** A timestamp does not parse as ISO-8601. */
  BAD_TIMESTAMP,
  /** A currency is not an ISO 4217 code. */
  BAD_CURRENCY,
  /** A value is not one of the allowed words (status, category, type). */
  BAD_VALUE,
  /** A value that must not be negative is negative. */
  NEGATIVE_VALUE,
  /** The id was already seen earlier in the same file; the first row is kept. */
  DUPLICATE_ID,
  /**
   * A row of a file without an id column (spend, stage changes, costs, rates) repeats the key and
   * the values of an earlier row of the same file, as a double export does; the first row is kept.
   */
  DUPLICATE_ROW,
  /**
   * A spend or rate row has the key of an earlier row of the same file (spend: date, channel,
   * source, medium, campaign, currency; rates: date, currency) but other values (cost, impressions,
   * clicks, conversions; rate). Which one is right is unknown, so it is not treated as a harmless
   * repeat: the first row is kept and this one is quarantined for review.
   */
  CONFLICTING_ROW,
  /** A touchpoint names no visitor, contact or account, so it can join no journey. */
  NO_IDENTITY,
  /** No exchange rate on or before the date for the currency. */
  MISSING_RATE,
  /** A mapping file is invalid. */
  BAD_MAPPING,
  /**
   * The kept rows of an ad-platform report do not add up to the report's own total row (cost to the
   * minor unit, or the number of rows): rows were lost or the file is truncated. The rows are kept;
   * the total row is reported so a person can compare.
   */
  TOTAL_MISMATCH,
  /**
   * A warning, not a rejection: a timestamp precedes one it should follow (a deal created or closed
   * before its lead was created). The row is kept and the warning is reported.
   */
  OUT_OF_ORDER
}
