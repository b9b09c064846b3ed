package org.revtrace.core.audit;

import java.util.Optional;

/**
 * One check of the data audit. Each check has a stable code and a definition page, looks at the
 * imported data and finds records with one kind of problem; it finds nothing on clean data.
 */
public interface AuditCheck {

  /** The stable code, e.g. {@code LEADS_WITHOUT_SOURCE}. */
  String code();

  /** When its findings can be fixed. */
  Horizon horizon();

  /** What the check found in {@code input}, or empty when nothing is wrong. */
  Optional<Finding> run(AuditInput input);
}
