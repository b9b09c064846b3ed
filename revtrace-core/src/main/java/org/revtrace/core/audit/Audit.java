package org.revtrace.core.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.revtrace.core.audit.check.BackwardMoves;
import org.revtrace.core.audit.check.CampaignTypos;
import org.revtrace.core.audit.check.CurrencyGaps;
import org.revtrace.core.audit.check.DealsWithoutContact;
import org.revtrace.core.audit.check.DealsWithoutLead;
import org.revtrace.core.audit.check.DuplicateContacts;
import org.revtrace.core.audit.check.DuplicateLeads;
import org.revtrace.core.audit.check.FeedStopped;
import org.revtrace.core.audit.check.LeadsWithoutSource;
import org.revtrace.core.audit.check.ManualEntries;
import org.revtrace.core.audit.check.MissingFirstResponse;
import org.revtrace.core.audit.check.MissingMedium;
import org.revtrace.core.audit.check.PaidTouchpointsWithoutSpend;
import org.revtrace.core.audit.check.SlaBreaches;
import org.revtrace.core.audit.check.SpendWithoutTouchpoints;
import org.revtrace.core.audit.check.StageSkips;
import org.revtrace.core.audit.check.StaleDeals;
import org.revtrace.core.audit.check.TimezoneMismatch;
import org.revtrace.core.audit.check.UtmVariants;

/**
 * The data audit: runs every check over the imported data and lists what they found in priority
 * order with the money each finding touches, a data-quality score and the data map. Definitions:
 * {@code docs/definitions/audit.md} and one page per check.
 */
public final class Audit {

  private final List<AuditCheck> checks;

  public Audit(List<AuditCheck> checks) {
    this.checks = List.copyOf(checks);
  }

  /** Every check, in a fixed order. */
  public static Audit standard() {
    return new Audit(
        List.of(
            new LeadsWithoutSource(),
            new UtmVariants(),
            new CampaignTypos(),
            new MissingMedium(),
            new DuplicateLeads(),
            new DuplicateContacts(),
            new ManualEntries(),
            new TimezoneMismatch(),
            new SpendWithoutTouchpoints(),
            new PaidTouchpointsWithoutSpend(),
            new DealsWithoutLead(),
            new DealsWithoutContact(),
            new StageSkips(),
            new BackwardMoves(),
            new StaleDeals(),
            new MissingFirstResponse(),
            new SlaBreaches(),
            new CurrencyGaps(),
            new FeedStopped()));
  }

  public List<AuditCheck> checks() {
    return checks;
  }

  /** Runs every check over {@code input}. */
  public AuditReport run(AuditInput input) {
    List<String> codes = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    double shares = 0;
    for (AuditCheck check : checks) {
      codes.add(check.code());
      Optional<Finding> finding = check.run(input);
      if (finding.isPresent()) {
        findings.add(finding.get());
        shares += finding.get().share();
      }
    }
    double score = checks.isEmpty() ? 100 : 100 * (1 - shares / checks.size());
    return new AuditReport(
        input.dataset().currency(),
        codes,
        findings,
        Math.round(score * 10) / 10.0,
        input.totalRevenue(),
        input.totalSpend(),
        DataMap.of(input.normalized()));
  }
}
