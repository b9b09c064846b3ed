package org.revtrace.ingest.paths;

import java.util.List;
import java.util.Objects;
import org.revtrace.core.attribution.markov.PathTable;
import org.revtrace.core.model.RowError;

/**
 * What {@link PathFileReader} read: the valid paths and one error per rejected line.
 *
 * @param paths every valid line, in file order
 * @param errors rejected lines, in file order
 */
public record PathFileResult(PathTable paths, List<RowError> errors) {
  /** Copies the error list. */
  public PathFileResult {
    Objects.requireNonNull(paths, "paths");
    errors = List.copyOf(errors);
  }
}
