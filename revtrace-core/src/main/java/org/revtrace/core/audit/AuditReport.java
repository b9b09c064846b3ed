package org.revtrace.core.audit;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The audit's result.
 *
 * @param currency the reporting currency of every money figure
 * @param checks the codes of the checks that ran, in run order
 * @param findings what they found, in priority order: quick wins, then mid-term, then strategic;
 *     within a horizon the most money affected first, then the largest share, then the code
 * @param score the data-quality score, 0..100: 100 × (1 − the mean affected share over the checks
 *     that ran; a check that found nothing counts 0)
 * @param totalRevenue revenue of the data set (minor units), the base of revenue shares
 * @param totalSpend spend of the data set (minor units), the base of spend shares
 * @param dataMap the sources and how they link
 */
public record AuditReport(
    String currency,
    List<String> checks,
    List<Finding> findings,
    double score,
    long totalRevenue,
    long totalSpend,
    DataMap dataMap) {

  /** The priority order of findings. */
  public static final Comparator<Finding> PRIORITY =
      Comparator.comparing(Finding::horizon)
          .thenComparing(Comparator.comparingLong(Finding::moneyAffected).reversed())
          .thenComparing(Comparator.comparingDouble(Finding::share).reversed())
          .thenComparing(Finding::code);

  public AuditReport {
    Objects.requireNonNull(currency, "currency");
    checks = List.copyOf(checks);
    findings = findings.stream().sorted(PRIORITY).toList();
    Objects.requireNonNull(dataMap, "dataMap");
  }

  /** The finding of a check, if it found something. */
  public java.util.Optional<Finding> finding(String code) {
    return findings.stream().filter(f -> f.code().equals(code)).findFirst();
  }

  /** Share of revenue a finding touches, 0..1 (0 when there is no revenue). */
  public double revenueShare(Finding finding) {
    return totalRevenue == 0 ? 0 : Math.min(1, (double) finding.revenueAffected() / totalRevenue);
  }

  /** Share of spend a finding touches, 0..1 (0 when there is no spend). */
  public double spendShare(Finding finding) {
    return totalSpend == 0 ? 0 : Math.min(1, (double) finding.spendAffected() / totalSpend);
  }
}
