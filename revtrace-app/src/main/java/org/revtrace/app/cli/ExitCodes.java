package org.revtrace.app.cli;

/** Exit codes of the command line (ARCHITECTURE.md, CLI report contract). */
public final class ExitCodes {

  /** Success. */
  public static final int OK = 0;

  /** An unexpected failure: a bug or an outage (I/O error). */
  public static final int FAILURE = 1;

  /** Bad arguments: unknown option, model, goal, date, currency or a missing folder. */
  public static final int BAD_ARGUMENTS = 2;

  /** Input data had errors that were quarantined; the output is still printed. */
  public static final int DATA_ERRORS = 3;

  private ExitCodes() {}
}
