package org.revtrace.app.cli;

/** A command-line argument that is wrong: the CLI prints the message and exits with code 2. */
public final class BadArgument extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public BadArgument(String message) {
    super(message);
  }
}
