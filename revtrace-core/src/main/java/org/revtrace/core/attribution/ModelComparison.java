package org.revtrace.core.attribution;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.revtrace.core.journey.Journeys;
import org.revtrace.core.journey.ValueKind;

/**
 * Several models side by side: per channel, the conversions and revenue each model credits and
 * their shares of the totals.
 *
 * <p>All models read the same journeys; build them with non-converting journeys when any model
 * needs them ({@link ModelSettings#needsNonConverting}): the other models ignore them. A
 * data-driven model below {@link DataSufficiency#MIN_CONVERSIONS} conversions is reported as {@code
 * NOT_ENOUGH_DATA} with empty cells instead of a guess. Rows are the channels that appear on the
 * journeys, by their mean conversion share over the reported models, largest first.
 */
public final class ModelComparison {

  /**
   * One model's credit to one channel; all 0 when the model's status is {@code NOT_ENOUGH_DATA}.
   *
   * @param revenue credited revenue in minor units
   * @param thin the channel is on too few converting journeys for this data-driven model
   */
  public record Cell(
      ModelName model,
      DataSufficiency.Status status,
      double conversions,
      double share,
      long revenue,
      double revenueShare,
      boolean thin) {

    public Cell {
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(status, "status");
    }
  }

  /** A channel's cells, one per model in the comparison's model order. */
  public record Row(String channel, List<Cell> cells) {

    public Row {
      cells = List.copyOf(cells);
    }

    public Cell cell(ModelName model) {
      for (Cell cell : cells) {
        if (cell.model() == model) {
          return cell;
        }
      }
      throw new IllegalArgumentException("model not compared: " + model);
    }
  }

  /**
   * The comparison.
   *
   * @param revenue total revenue of the converting journeys in minor units
   */
  public record Result(
      List<ModelName> models,
      List<DataSufficiency.Verdict> verdicts,
      long conversions,
      long revenue,
      List<Row> rows) {

    public Result {
      models = List.copyOf(models);
      verdicts = List.copyOf(verdicts);
      rows = List.copyOf(rows);
    }

    public DataSufficiency.Verdict verdict(ModelName model) {
      return verdicts.get(models.indexOf(model));
    }
  }

  private ModelComparison() {}

  /** Compares {@code models} (in that order) on {@code journeys}. */
  public static Result compute(
      Journeys journeys, List<ModelName> models, ModelSettings settings, Duration halfLife) {
    long conversions = journeys.conversionCount();
    long revenue = journeys.totalValue(ValueKind.REVENUE);
    int channels = journeys.channels().size();
    boolean[] seen = new boolean[channels];
    for (int k = 0; k < journeys.touchCount(); k++) {
      seen[journeys.channel()[k]] = true;
    }
    List<DataSufficiency.Verdict> verdicts = new ArrayList<>();
    Cell[][] cells = new Cell[channels][models.size()];
    for (int m = 0; m < models.size(); m++) {
      ModelName model = models.get(m);
      DataSufficiency.Verdict verdict = DataSufficiency.check(journeys, model);
      verdicts.add(verdict);
      Attribution credit =
          verdict.status() == DataSufficiency.Status.ATTRIBUTED
              ? AttributionModels.create(model, settings, halfLife).attribute(journeys)
              : null;
      for (int c = 0; c < channels; c++) {
        if (credit == null) {
          cells[c][m] = new Cell(model, verdict.status(), 0, 0, 0, 0, false);
          continue;
        }
        double credited = credit.channelConversions(c);
        long money = credit.channelValue(c, ValueKind.REVENUE);
        cells[c][m] =
            new Cell(
                model,
                verdict.status(),
                credited,
                conversions == 0 ? 0 : credited / conversions,
                money,
                revenue == 0 ? 0 : (double) money / revenue,
                verdict.thinChannels().contains(journeys.channels().decode(c)));
      }
    }
    List<Row> rows = new ArrayList<>();
    for (int c = 0; c < channels; c++) {
      if (seen[c]) {
        rows.add(new Row(journeys.channels().decode(c), List.of(cells[c])));
      }
    }
    rows.sort(
        Comparator.comparingDouble(ModelComparison::meanShare)
            .reversed()
            .thenComparing(Row::channel));
    return new Result(models, verdicts, conversions, revenue, rows);
  }

  private static double meanShare(Row row) {
    double sum = 0;
    int count = 0;
    for (Cell cell : row.cells()) {
      if (cell.status() == DataSufficiency.Status.ATTRIBUTED) {
        sum += cell.share();
        count++;
      }
    }
    return count == 0 ? 0 : sum / count;
  }
}
