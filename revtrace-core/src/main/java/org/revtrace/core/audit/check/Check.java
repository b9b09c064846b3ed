package org.revtrace.core.audit.check;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.revtrace.core.audit.AuditCheck;
import org.revtrace.core.audit.Finding;
import org.revtrace.core.audit.Horizon;

/** The code and horizon every check has, and the finding builder they share. */
abstract class Check implements AuditCheck {

  private final String code;
  private final Horizon horizon;

  Check(String code, Horizon horizon) {
    this.code = code;
    this.horizon = horizon;
  }

  @Override
  public final String code() {
    return code;
  }

  @Override
  public final Horizon horizon() {
    return horizon;
  }

  /** A finding of this check, or empty when nothing is affected. */
  final Optional<Finding> found(
      long affected,
      long population,
      String unit,
      long revenue,
      long spend,
      long pipeline,
      Collection<String> affectedIds,
      String detail) {
    return found(
        affected, population, unit, revenue, spend, pipeline, affectedIds, List.of(), detail);
  }

  /** A finding with notes on what the affected records have in common. */
  final Optional<Finding> found(
      long affected,
      long population,
      String unit,
      long revenue,
      long spend,
      long pipeline,
      Collection<String> affectedIds,
      List<String> notes,
      String detail) {
    if (affected == 0) {
      return Optional.empty();
    }
    return Optional.of(
        new Finding(
            code,
            horizon,
            affected,
            population,
            unit,
            revenue,
            spend,
            pipeline,
            List.copyOf(affectedIds),
            notes,
            detail));
  }

  /** {@code 12.3%} of {@code part / whole}. */
  static String percent(long part, long whole) {
    return whole == 0 ? "0%" : String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * part / whole);
  }
}
