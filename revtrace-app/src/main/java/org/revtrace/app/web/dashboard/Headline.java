package org.revtrace.app.web.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.revtrace.core.metric.MetricRow;
import org.revtrace.core.metric.Report;

/**
 * The owner's 30-second cards, as {@code revtrace report}'s headline line: ROI, ROMI, CAC, LTV:CAC,
 * revenue and spend of the period's totals, each against the equally long period just before
 * (ratios in percentage points, the rest as a relative change).
 */
final class Headline {

  /** Whether a rise is good news (ROI), bad news (CAC) or neither (spend). */
  enum Polarity {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER,
    NEUTRAL
  }

  /**
   * One card.
   *
   * @param code the metric's code: label {@code dashboard.column.<code>}, tooltip {@code
   *     dashboard.help.<code>}
   * @param change the formatted change, or null without a previous period or value
   * @param direction {@code up}, {@code down} or {@code flat}; null without a change
   * @param verdict {@code good}, {@code bad} or {@code neutral}; null without a change
   * @param inPoints whether the change is in percentage points (message {@code
   *     dashboard.change.points})
   */
  record Card(
      String code,
      String value,
      String change,
      String direction,
      String verdict,
      boolean inPoints) {}

  private Headline() {}

  static List<Card> cards(Report current, Report previous, CellFormat format) {
    MetricRow now = current.totals();
    MetricRow before = previous == null ? null : previous.totals();
    String currency = current.currency();
    List<Card> cards = new ArrayList<>();
    cards.add(points(Metric.ROI, now, before, format, Polarity.HIGHER_IS_BETTER));
    cards.add(points(Metric.ROMI, now, before, format, Polarity.HIGHER_IS_BETTER));
    cards.add(relative(Metric.CAC, now, before, currency, format, Polarity.LOWER_IS_BETTER));
    cards.add(
        relative(Metric.LTV_TO_CAC, now, before, currency, format, Polarity.HIGHER_IS_BETTER));
    cards.add(relative(Metric.REVENUE, now, before, currency, format, Polarity.HIGHER_IS_BETTER));
    cards.add(relative(Metric.SPEND, now, before, currency, format, Polarity.NEUTRAL));
    return cards;
  }

  private static Card points(
      Metric metric, MetricRow now, MetricRow before, CellFormat format, Polarity polarity) {
    Function<MetricRow, Double> ratio = row -> (Double) metric.value(row, "RUB");
    Double value = ratio.apply(now);
    Double previous = before == null ? null : ratio.apply(before);
    String shown = format.format(value, metric.kind());
    if (value == null || previous == null) {
      return new Card(metric.code(), shown, null, null, null, false);
    }
    double change = (value - previous) * 100;
    return card(metric, shown, format.signedDecimal(change), change, polarity, true);
  }

  private static Card relative(
      Metric metric,
      MetricRow now,
      MetricRow before,
      String currency,
      CellFormat format,
      Polarity polarity) {
    Number value = metric.value(now, currency);
    Number previous = before == null ? null : metric.value(before, currency);
    String shown = format.format(value, metric.kind());
    if (value == null || previous == null || previous.doubleValue() == 0) {
      return new Card(metric.code(), shown, null, null, null, false);
    }
    double change =
        (value.doubleValue() - previous.doubleValue()) / Math.abs(previous.doubleValue());
    return card(metric, shown, format.signedPercent(change), change, polarity, false);
  }

  private static Card card(
      Metric metric,
      String shown,
      String changeText,
      double change,
      Polarity polarity,
      boolean inPoints) {
    String direction = change > 0 ? "up" : change < 0 ? "down" : "flat";
    String verdict =
        switch (polarity) {
          case HIGHER_IS_BETTER -> change > 0 ? "good" : change < 0 ? "bad" : "neutral";
          case LOWER_IS_BETTER -> change < 0 ? "good" : change > 0 ? "bad" : "neutral";
          case NEUTRAL -> "neutral";
        };
    return new Card(metric.code(), shown, changeText, direction, verdict, inPoints);
  }
}
