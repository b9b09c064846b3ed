package org.revtrace.core.funnel;

import java.util.Objects;

/**
 * Stage changes that went back to an earlier funnel stage than the deal had already reached.
 *
 * @param from the stage the deal was in before the move
 * @param to the earlier stage it moved to
 * @param count how many such changes
 */
public record BackwardMove(String from, String to, long count) {

  public BackwardMove {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (count <= 0) {
      throw new IllegalArgumentException("backward move count must be positive: " + count);
    }
  }
}
