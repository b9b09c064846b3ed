package org.revtrace.app.web.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import org.revtrace.core.metric.MetricRow;
import org.revtrace.core.model.Currencies;

/**
 * The metrics of a report row (docs/definitions/metrics.md) in the order a marketer reads them:
 * funnel from leads to customers, revenue and cost, return, unit costs, then the rest. Values are
 * those of the report contract: money in major units, ratios as fractions, null when undefined.
 */
enum Metric {
  LEADS(Table.Kind.COUNT, count(MetricRow::leads)),
  MQLS(Table.Kind.COUNT, count(MetricRow::mqls)),
  SQLS(Table.Kind.COUNT, count(MetricRow::sqls)),
  OPPORTUNITIES(Table.Kind.COUNT, count(MetricRow::opportunities)),
  CUSTOMERS(Table.Kind.COUNT, count(MetricRow::customers)),
  REVENUE(Table.Kind.MONEY, money(MetricRow::revenue)),
  SPEND(Table.Kind.MONEY, money(MetricRow::spend)),
  ROI(Table.Kind.PERCENT, ratio(MetricRow::roi)),
  ROMI(Table.Kind.PERCENT, ratio(MetricRow::romi)),
  CAC(Table.Kind.MONEY, moneyRatio(MetricRow::cac)),
  CPL(Table.Kind.MONEY, moneyRatio(MetricRow::cpl)),
  LTV_TO_CAC(Table.Kind.RATIO, ratio(MetricRow::ltvToCac)),
  LTV(Table.Kind.MONEY, moneyRatio(MetricRow::ltv)),
  AVERAGE_DEAL(Table.Kind.MONEY, moneyRatio(MetricRow::averageDeal)),
  CPA(Table.Kind.MONEY, moneyRatio(MetricRow::cpa)),
  ROAS(Table.Kind.RATIO, ratio(MetricRow::roas)),
  MARKETING_COST(Table.Kind.MONEY, money(MetricRow::marketingCost)),
  ACQUISITION_COST(Table.Kind.MONEY, money(MetricRow::acquisitionCost)),
  IMPRESSIONS(Table.Kind.COUNT, (row, currency) -> row.impressions()),
  CLICKS(Table.Kind.COUNT, (row, currency) -> row.clicks()),
  CPC(Table.Kind.MONEY, moneyRatio(MetricRow::cpc)),
  CTR(Table.Kind.PERCENT, ratio(MetricRow::ctr)),
  LEAD_TO_MQL(Table.Kind.PERCENT, ratio(MetricRow::leadToMql)),
  MQL_TO_SQL(Table.Kind.PERCENT, ratio(MetricRow::mqlToSql)),
  SQL_TO_OPPORTUNITY(Table.Kind.PERCENT, ratio(MetricRow::sqlToOpportunity)),
  WIN_RATE(Table.Kind.PERCENT, ratio(MetricRow::opportunityToWon)),
  LEAD_TO_WON(Table.Kind.PERCENT, ratio(MetricRow::leadToWon));

  private final Table.Kind kind;
  private final Extractor extractor;

  Metric(Table.Kind kind, Extractor extractor) {
    this.kind = kind;
    this.extractor = extractor;
  }

  /** The contract name, e.g. {@code ltv_to_cac}. */
  String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  Table.Kind kind() {
    return kind;
  }

  /** The value of this metric in {@code row}, null when undefined. */
  Number value(MetricRow row, String currency) {
    return extractor.value(row, currency);
  }

  private interface Extractor {
    Number value(MetricRow row, String currency);
  }

  private static Extractor money(ToLongFunction<MetricRow> minor) {
    return (row, currency) ->
        BigDecimal.valueOf(minor.applyAsLong(row), Currencies.fractionDigits(currency));
  }

  /** A per-unit cost in minor units, rounded to the currency's digits as the report JSON is. */
  private static Extractor moneyRatio(Function<MetricRow, Double> minor) {
    return (row, currency) -> Currencies.majorUnits(minor.apply(row), currency);
  }

  /** Attributed counts are fractional; 9 decimals hide floating noise as the report JSON does. */
  private static Extractor count(ToDoubleFunction<MetricRow> value) {
    return (row, currency) ->
        BigDecimal.valueOf(value.applyAsDouble(row))
            .setScale(9, RoundingMode.HALF_EVEN)
            .stripTrailingZeros();
  }

  private static Extractor ratio(Function<MetricRow, Double> value) {
    return (row, currency) -> value.apply(row);
  }
}
