package org.revtrace.core.metric;

import java.math.BigDecimal;
import org.revtrace.core.model.Currencies;

/**
 * The additive facts of one report row (a channel, a campaign, or the totals) and the metrics
 * derived from them. Definitions are in docs/definitions/metrics.md.
 *
 * <p>Money is in minor units of the report currency. Funnel counts are attributed conversions
 * (fractional under multi-touch models). A derived metric is {@code null} when its denominator is
 * zero.
 *
 * @param key channel name, campaign name, or {@code total}
 * @param spend media spend (spend.csv)
 * @param marketingCost spend plus marketing-category costs (ROMI's cost base)
 * @param acquisitionCost marketing cost plus sales, agency, tools and other costs (ROI's base)
 * @param revenue won revenue: the deals' payments, else their amounts
 * @param wonAmount contract amounts of the won deals
 * @param lifetimeRevenue all revenue of the won deals' accounts (historical LTV numerator)
 * @param goalConversions conversions of the report's goal (CPA's denominator)
 */
public record MetricRow(
    String key,
    long spend,
    long marketingCost,
    long acquisitionCost,
    long impressions,
    long clicks,
    double leads,
    double mqls,
    double sqls,
    double opportunities,
    double customers,
    long revenue,
    long wonAmount,
    long lifetimeRevenue,
    double goalConversions) {

  /** (revenue − all acquisition costs) ÷ all acquisition costs; seed 002: 1.5M on 0.5M → 2.0. */
  public Double roi() {
    return ratio(revenue - acquisitionCost, acquisitionCost);
  }

  /** (revenue − marketing costs) ÷ marketing costs. */
  public Double romi() {
    return ratio(revenue - marketingCost, marketingCost);
  }

  /** revenue ÷ media spend. */
  public Double roas() {
    return ratio(revenue, spend);
  }

  /** all acquisition costs ÷ customers, in minor units. */
  public Double cac() {
    return ratio(acquisitionCost, customers);
  }

  /** marketing costs ÷ leads, in minor units. */
  public Double cpl() {
    return ratio(marketingCost, leads);
  }

  /** marketing costs ÷ conversions of the report's goal, in minor units. */
  public Double cpa() {
    return ratio(marketingCost, goalConversions);
  }

  /** media spend ÷ clicks, in minor units. */
  public Double cpc() {
    return ratio(spend, clicks);
  }

  /** clicks ÷ impressions. */
  public Double ctr() {
    return ratio(clicks, impressions);
  }

  /** won contract amount ÷ customers (средний чек), in minor units. */
  public Double averageDeal() {
    return ratio(wonAmount, customers);
  }

  /** historical lifetime revenue ÷ customers, in minor units. */
  public Double ltv() {
    return ratio(lifetimeRevenue, customers);
  }

  /** LTV ÷ CAC; seed 001: 300,000 ÷ 100,000 → 3.0. */
  public Double ltvToCac() {
    Double ltv = ltv();
    Double cac = cac();
    return ltv == null || cac == null || cac == 0 ? null : ltv / cac;
  }

  /** MQLs ÷ leads. */
  public Double leadToMql() {
    return ratio(mqls, leads);
  }

  /** SQLs ÷ MQLs; seed 001: 50 of 200 → 0.25. */
  public Double mqlToSql() {
    return ratio(sqls, mqls);
  }

  /** Opportunities ÷ SQLs. */
  public Double sqlToOpportunity() {
    return ratio(opportunities, sqls);
  }

  /** Won deals ÷ opportunities (win rate). */
  public Double opportunityToWon() {
    return ratio(customers, opportunities);
  }

  /** Won deals ÷ leads: end-to-end conversion. */
  public Double leadToWon() {
    return ratio(customers, leads);
  }

  /** A minor-unit amount as major units of the currency, exactly. */
  public static BigDecimal major(long minor, String currency) {
    return BigDecimal.valueOf(minor, Currencies.fractionDigits(currency));
  }

  private static Double ratio(double numerator, double denominator) {
    return denominator == 0 ? null : numerator / denominator;
  }
}
