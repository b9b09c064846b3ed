package org.revtrace.core.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.revtrace.core.dataset.Dataset;
import org.revtrace.core.funnel.FunnelReport;
import org.revtrace.core.funnel.FunnelSummary;
import org.revtrace.core.model.CanonicalData;
import org.revtrace.core.model.DealStatus;
import org.revtrace.core.model.Lead;
import org.revtrace.core.model.RowError;

/**
 * What the audit looks at: the rows as imported (before UTM clean-up and channel grouping, so
 * variants are still visible), the indexed data set built from them (normalised, money in the
 * reporting currency), the rows the import quarantined, and the thresholds.
 *
 * <p>Derived facts (revenue per deal and lead, the funnel) are computed once, on first use.
 */
public final class AuditInput {

  private final CanonicalData raw;
  private final CanonicalData normalized;
  private final Dataset dataset;
  private final List<RowError> errors;
  private final AuditSettings settings;
  private Map<String, Long> revenueByDeal;
  private final Map<String, Integer> dealIndex = new HashMap<>();
  private Map<String, Long> revenueByLead;
  private FunnelSummary funnel;

  /**
   * @param raw the rows as imported
   * @param normalized the same rows after normalisation, in the same order ({@code
   *     Normalizer.normalize} maps row by row)
   * @param dataset the indexed data set of {@code normalized}
   * @param errors quarantined and unconvertible rows
   * @param settings thresholds
   */
  public AuditInput(
      CanonicalData raw,
      CanonicalData normalized,
      Dataset dataset,
      List<RowError> errors,
      AuditSettings settings) {
    this.raw = Objects.requireNonNull(raw, "raw");
    this.normalized = Objects.requireNonNull(normalized, "normalized");
    if (raw.touchpoints().size() != normalized.touchpoints().size()
        || raw.leads().size() != normalized.leads().size()
        || raw.spend().size() != normalized.spend().size()) {
      throw new IllegalArgumentException("normalized must hold the raw rows, row by row");
    }
    this.dataset = Objects.requireNonNull(dataset, "dataset");
    this.errors = List.copyOf(errors);
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** The rows as imported, before normalisation. */
  public CanonicalData raw() {
    return raw;
  }

  /** The same rows after UTM clean-up and channel grouping, row by row. */
  public CanonicalData normalized() {
    return normalized;
  }

  /** The normalised, indexed data in the reporting currency. */
  public Dataset dataset() {
    return dataset;
  }

  /** Rows the import quarantined, and rows the data set could not convert. */
  public List<RowError> errors() {
    return errors;
  }

  public AuditSettings settings() {
    return settings;
  }

  /** The revenue of a deal in the reporting currency (minor units), 0 for open, lost or unknown. */
  public long revenueOfDeal(String dealId) {
    return revenueByDeal().getOrDefault(dealId, 0L);
  }

  /** The data set's index of a deal, or -1 when it is not in the data set. */
  public int dealIndex(String dealId) {
    revenueByDeal();
    return dealIndex.getOrDefault(dealId, -1);
  }

  /** The amount of an open deal in the reporting currency (minor units); 0 for other deals. */
  public long openAmountOfDeal(String dealId) {
    int d = dealIndex(dealId);
    return d >= 0 && dataset.dealStatus()[d] == OPEN ? dataset.dealAmount()[d] : 0;
  }

  /** The revenue of the deals pointing at a lead. */
  public long revenueOfLead(String leadId) {
    if (revenueByLead == null) {
      Map<String, Long> byLead = new HashMap<>();
      raw.deals()
          .forEach(
              deal -> {
                if (deal.leadId() != null) {
                  byLead.merge(deal.leadId(), revenueOfDeal(deal.id()), Long::sum);
                }
              });
      revenueByLead = byLead;
    }
    return revenueByLead.getOrDefault(leadId, 0L);
  }

  /** All revenue of the data set (reporting currency, minor units). */
  public long totalRevenue() {
    return revenueByDeal().values().stream().mapToLong(Long::longValue).sum();
  }

  /** All advertising spend of the data set (reporting currency, minor units). */
  public long totalSpend() {
    long total = 0;
    for (long cost : dataset.spendCost()) {
      total += cost;
    }
    return total;
  }

  /** The whole funnel (every lead and deal) under the settings' stages and thresholds. */
  public FunnelSummary funnel() {
    if (funnel == null) {
      funnel = FunnelReport.compute(dataset, settings.funnel()).total();
    }
    return funnel;
  }

  /** Whether a lead carries no source at all: no channel, no UTM source or medium. */
  public static boolean sourceless(Lead lead) {
    return lead.channel() == null && lead.utm().source() == null && lead.utm().medium() == null;
  }

  /** Open-deal status code as the data set stores it. */
  static final byte OPEN = (byte) DealStatus.OPEN.ordinal();

  private Map<String, Long> revenueByDeal() {
    if (revenueByDeal == null) {
      Map<String, Long> byDeal = new HashMap<>();
      String[] ids = dataset.dealId();
      long[] revenue = dataset.dealRevenue();
      for (int i = 0; i < dataset.dealCount(); i++) {
        byDeal.put(ids[i], revenue[i]);
        dealIndex.put(ids[i], i);
      }
      revenueByDeal = byDeal;
    }
    return revenueByDeal;
  }
}
