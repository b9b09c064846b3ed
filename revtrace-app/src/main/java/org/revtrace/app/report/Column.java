package org.revtrace.app.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import org.revtrace.core.metric.MetricRow;
import org.revtrace.core.model.Currencies;

/**
 * One metric column of the report contract (ARCHITECTURE.md), shared by JSON, CSV and table output
 * so the three never disagree. Money is in major units, ratios are fractions, null where undefined.
 */
record Column(String name, Kind kind, Extractor extractor) {

  enum Kind {
    MONEY,
    COUNT,
    RATIO
  }

  interface Extractor {
    Object value(MetricRow row, String currency);
  }

  /** The contract's metrics, in contract order, then the extra funnel and cost columns. */
  static final List<Column> ALL =
      List.of(
          money("spend", MetricRow::spend),
          count("impressions", MetricRow::impressions),
          count("clicks", MetricRow::clicks),
          fraction("leads", MetricRow::leads),
          fraction("mqls", MetricRow::mqls),
          fraction("sqls", MetricRow::sqls),
          fraction("opportunities", MetricRow::opportunities),
          fraction("customers", MetricRow::customers),
          money("revenue", MetricRow::revenue),
          ratio("roi", MetricRow::roi),
          ratio("romi", MetricRow::romi),
          ratio("roas", MetricRow::roas),
          moneyRatio("cac", MetricRow::cac),
          moneyRatio("cpl", MetricRow::cpl),
          moneyRatio("cpa", MetricRow::cpa),
          moneyRatio("cpc", MetricRow::cpc),
          ratio("ctr", MetricRow::ctr),
          moneyRatio("average_deal", MetricRow::averageDeal),
          moneyRatio("ltv", MetricRow::ltv),
          ratio("ltv_to_cac", MetricRow::ltvToCac),
          money("marketing_cost", MetricRow::marketingCost),
          money("acquisition_cost", MetricRow::acquisitionCost),
          ratio("lead_to_mql", MetricRow::leadToMql),
          ratio("mql_to_sql", MetricRow::mqlToSql),
          ratio("sql_to_opportunity", MetricRow::sqlToOpportunity),
          ratio("win_rate", MetricRow::opportunityToWon),
          ratio("lead_to_won", MetricRow::leadToWon));

  /** The columns a terminal table shows by default: the owner's 30-second view. */
  static final List<String> TABLE =
      List.of(
          "spend",
          "leads",
          "sqls",
          "customers",
          "revenue",
          "roi",
          "romi",
          "cac",
          "cpl",
          "ltv",
          "ltv_to_cac");

  private static Column money(String name, ToLongFunction<MetricRow> minor) {
    return new Column(
        name,
        Kind.MONEY,
        (row, currency) ->
            BigDecimal.valueOf(minor.applyAsLong(row), Currencies.fractionDigits(currency)));
  }

  private static Column moneyRatio(
      String name, java.util.function.Function<MetricRow, Double> minor) {
    return new Column(
        name, Kind.MONEY, (row, currency) -> Currencies.majorUnits(minor.apply(row), currency));
  }

  private static Column count(String name, ToLongFunction<MetricRow> value) {
    return new Column(name, Kind.COUNT, (row, currency) -> value.applyAsLong(row));
  }

  private static Column fraction(String name, ToDoubleFunction<MetricRow> value) {
    return new Column(name, Kind.COUNT, (row, currency) -> roundCount(value.applyAsDouble(row)));
  }

  private static Column ratio(String name, java.util.function.Function<MetricRow, Double> value) {
    return new Column(name, Kind.RATIO, (row, currency) -> value.apply(row));
  }

  /** Attributed counts are fractional; 9 decimals hide floating noise such as 6.999999999999. */
  private static Object roundCount(double value) {
    BigDecimal rounded =
        BigDecimal.valueOf(value).setScale(9, RoundingMode.HALF_EVEN).stripTrailingZeros();
    return rounded.scale() <= 0 ? (Object) rounded.longValueExact() : rounded;
  }
}
