package org.revtrace.core.recommend;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.revtrace.core.model.Currencies;

/**
 * The rating rules (docs/definitions/recommendations.md, "Rating"), checked in this order:
 *
 * <ol>
 *   <li><b>NOT_ENOUGH_DATA</b> when the marketing cost is 0 (ROMI is undefined), or when the unit
 *       has fewer than {@code minCustomers} credited customers <i>and</i> its credited leads would
 *       not be expected to give that many at the average lead→customer rate of all units;
 *   <li><b>CUT</b> when ROMI at the upper bound of its interval is below {@code cutRomi}, the
 *       pipeline-weighted ROMI (open deals at their stage's win probability added) is too, and
 *       LTV:CAC is below {@code cutLtvToCac} or undefined;
 *   <li><b>SCALE</b> when ROMI is at least {@code targetRomi}, ROMI at the lower bound is above 0
 *       and LTV:CAC is at least {@code minLtvToCac};
 *   <li><b>OPTIMISE</b> otherwise, with the conditions that failed.
 * </ol>
 */
public final class RatingRules {

  private RatingRules() {}

  /**
   * Rates one unit.
   *
   * @param averageLeadToCustomer customers ÷ leads over all units (the guard's expected rate)
   * @param currency the report currency, for the amounts in the reasons
   */
  public static Rating rate(
      UnitFacts unit, double averageLeadToCustomer, RecommendSettings settings, String currency) {
    long cost = unit.marketingCost();
    Double leadToCustomer = unit.leads() > 0 ? unit.customers() / unit.leads() : null;
    if (cost == 0) {
      return rating(
          unit,
          Verdict.NOT_ENOUGH_DATA,
          List.of(
              new Reason(
                  Reason.Code.NO_COST,
                  "no marketing cost in the period: ROMI is undefined (organic channel, or its"
                      + " costs are not loaded)")),
          leadToCustomer);
    }
    double expected = unit.leads() * averageLeadToCustomer;
    if (unit.customers() < settings.minCustomers() && expected < settings.minCustomers()) {
      return rating(
          unit,
          Verdict.NOT_ENOUGH_DATA,
          List.of(
              new Reason(
                  Reason.Code.TOO_FEW_CUSTOMERS,
                  format(
                      "%.1f customers and %.1f leads (%.1f customers expected at the average"
                          + " lead→customer rate of %s): fewer than %d, too few to judge",
                      unit.customers(),
                      unit.leads(),
                      expected,
                      percent(averageLeadToCustomer),
                      settings.minCustomers()))),
          leadToCustomer);
    }
    double romi = romi(unit.revenue(), cost);
    double lower = romi(unit.revenueLower(), cost);
    double upper = romi(unit.revenueUpper(), cost);
    double weighted = romi((double) unit.revenue() + unit.pipeline(), cost);
    Double ltvToCac = unit.ltvToCac();
    String interval =
        format(
            "%.0f%% confidence interval %s … %s",
            settings.confidence() * 100, percent(lower), percent(upper));

    boolean losing = upper < settings.cutRomi();
    boolean pipelineWeak = weighted < settings.cutRomi();
    boolean lifetimeWeak = ltvToCac == null || ltvToCac < settings.cutLtvToCac();
    if (losing && pipelineWeak && lifetimeWeak) {
      List<Reason> reasons = new ArrayList<>();
      reasons.add(
          new Reason(
              Reason.Code.LOSING_AT_UPPER_BOUND,
              format(
                  "ROMI %s (%s): below %s even at the upper bound",
                  percent(romi), interval, percent(settings.cutRomi()))));
      reasons.add(
          new Reason(
              Reason.Code.PIPELINE_WEAK,
              format(
                  "open pipeline worth %s at its win probabilities lifts ROMI only to %s",
                  money(unit.pipeline(), currency), percent(weighted))));
      reasons.add(
          new Reason(
              Reason.Code.LTV_TO_CAC_LOW,
              ltvToCac == null
                  ? "no customers: no lifetime value to weigh against the cost"
                  : format(
                      "LTV:CAC %.2f below %.2f: lifetime revenue does not cover the acquisition"
                          + " cost",
                      ltvToCac, settings.cutLtvToCac())));
      return rating(unit, Verdict.CUT, reasons, leadToCustomer);
    }

    boolean atTarget = romi >= settings.targetRomi();
    boolean confident = lower > 0;
    boolean healthy = ltvToCac != null && ltvToCac >= settings.minLtvToCac();
    List<Reason> reasons = new ArrayList<>();
    reasons.add(
        atTarget
            ? new Reason(
                Reason.Code.ROMI_AT_TARGET,
                format(
                    "ROMI %s at or above the target %s",
                    percent(romi), percent(settings.targetRomi())))
            : new Reason(
                Reason.Code.ROMI_BELOW_TARGET,
                format(
                    "ROMI %s below the target %s", percent(romi), percent(settings.targetRomi()))));
    reasons.add(
        confident
            ? new Reason(Reason.Code.ROMI_CONFIDENT, interval + ": pays back with confidence")
            : new Reason(
                Reason.Code.ROMI_NOT_CONFIDENT,
                interval + ": the lower bound is not above 0, payback is not certain"));
    reasons.add(
        healthy
            ? new Reason(
                Reason.Code.LTV_TO_CAC_HEALTHY,
                format("LTV:CAC %.2f at or above %.2f", ltvToCac, settings.minLtvToCac()))
            : new Reason(
                Reason.Code.LTV_TO_CAC_LOW,
                ltvToCac == null
                    ? "LTV:CAC undefined (no customers)"
                    : format("LTV:CAC %.2f below %.2f", ltvToCac, settings.minLtvToCac())));
    if (atTarget && confident && healthy) {
      return rating(unit, Verdict.SCALE, reasons, leadToCustomer);
    }
    if (losing) {
      // Why a channel losing money at the upper bound is not cut.
      reasons.add(
          !pipelineWeak
              ? new Reason(
                  Reason.Code.PIPELINE_PAYS_BACK,
                  format(
                      "open pipeline worth %s lifts ROMI to %s: wait for it to close",
                      money(unit.pipeline(), currency), percent(weighted)))
              : new Reason(
                  Reason.Code.LIFETIME_COVERS_COST,
                  format("LTV:CAC %.2f: repeat revenue covers the acquisition cost", ltvToCac)));
    }
    if (leadToCustomer != null && leadToCustomer < averageLeadToCustomer / 2) {
      reasons.add(
          new Reason(
              Reason.Code.CONVERSION_BELOW_AVERAGE,
              format(
                  "lead→customer %s, under half the average %s: leads do not close (check"
                      + " targeting and qualification)",
                  percent(leadToCustomer), percent(averageLeadToCustomer))));
    }
    return rating(unit, Verdict.OPTIMISE, reasons, leadToCustomer);
  }

  private static Rating rating(
      UnitFacts unit, Verdict verdict, List<Reason> reasons, Double leadToCustomer) {
    long cost = unit.marketingCost();
    boolean defined = cost > 0;
    return new Rating(
        unit.key(),
        verdict,
        reasons,
        cost,
        unit.revenue(),
        defined ? romi(unit.revenue(), cost) : null,
        defined ? romi(unit.revenueLower(), cost) : null,
        defined ? romi(unit.revenueUpper(), cost) : null,
        unit.ltvToCac(),
        unit.customers(),
        unit.leads(),
        leadToCustomer,
        unit.pipeline(),
        defined ? romi((double) unit.revenue() + unit.pipeline(), cost) : null);
  }

  static double romi(double revenue, long cost) {
    return (revenue - cost) / cost;
  }

  private static String percent(double fraction) {
    return format("%.1f%%", fraction * 100);
  }

  /** Minor units as whole major units with thousands separators and the currency code. */
  private static String money(long minor, String currency) {
    return format(
        "%,.0f %s",
        java.math.BigDecimal.valueOf(minor, Currencies.fractionDigits(currency)).doubleValue(),
        currency);
  }

  private static String format(String pattern, Object... values) {
    return String.format(Locale.ROOT, pattern, values);
  }
}
