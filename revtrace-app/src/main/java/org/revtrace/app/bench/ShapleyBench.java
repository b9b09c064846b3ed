package org.revtrace.app.bench;

import java.io.PrintStream;
import java.util.Locale;
import org.revtrace.core.attribution.AttributionModel;
import org.revtrace.core.attribution.AttributionModels;
import org.revtrace.core.attribution.Bootstrap;
import org.revtrace.core.attribution.HalfLife;
import org.revtrace.core.attribution.ModelName;
import org.revtrace.core.attribution.ModelSettings;
import org.revtrace.core.attribution.ShapleyModel;
import org.revtrace.core.attribution.ShapleyResult;
import org.revtrace.core.attribution.ShapleySettings;
import org.revtrace.core.dataset.Dataset;
import org.revtrace.core.journey.Goal;
import org.revtrace.core.journey.JourneyBuilder;
import org.revtrace.core.journey.JourneyOptions;
import org.revtrace.core.journey.Journeys;

/**
 * Benchmark of Shapley attribution: on {@link ModelBench}'s synthetic people (~10 touches over 14
 * channels each, 20% win), won-deal journeys with the non-converting ones, times the Shapley values
 * (exact, both value functions; simplified; Monte-Carlo), the full attribution with money and
 * campaigns, and a 200-replicate bootstrap on 100,000 of the journeys.
 */
public final class ShapleyBench {

  private ShapleyBench() {}

  public static void main(String[] args) throws Exception {
    run(System.out, args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000);
  }

  /** Runs the benchmark on about {@code journeys} synthetic journeys and prints a table. */
  public static void run(PrintStream out, int journeys) throws Exception {
    timeValues(out, journeys);
    timeBootstrap(out, Math.min(100_000, journeys));
  }

  private static Journeys wonJourneys(int journeys, long seed) {
    Dataset dataset = Dataset.of(ModelBench.synthetic(journeys * 10, seed), "RUB");
    return JourneyBuilder.build(dataset, JourneyOptions.of(Goal.WON).withNonConverting(true));
  }

  private static void timeValues(PrintStream out, int journeys) throws Exception {
    Dataset dataset = Dataset.of(ModelBench.synthetic(journeys * 10, 11), "RUB");
    Journeys won =
        JourneyBuilder.build(dataset, JourneyOptions.of(Goal.WON).withNonConverting(true));
    out.printf(
        Locale.ROOT,
        "journeys (goal won, with non-converting): %,d journeys, %,d conversions, %,d touches, %d"
            + " channels%n%n",
        won.size(),
        won.conversionCount(),
        won.touchCount(),
        won.channels().size());
    out.printf(Locale.ROOT, "%-36s %10s %10s %10s%n", "step", "median ms", "min ms", "max ms");
    ShapleySettings exact = ShapleySettings.defaults();
    ShapleySettings rate = exact.withValueFunction(ShapleySettings.ValueFunction.CONVERSION_RATE);
    time(out, "values, exact, conversions", () -> ShapleyModel.values(won, exact));
    time(out, "values, exact, conversion rate", () -> ShapleyModel.values(won, rate));
    time(
        out,
        "values, simplified",
        () -> ShapleyModel.values(won, exact.withMethod(ShapleySettings.Method.SIMPLIFIED)));
    AttributionModel model =
        AttributionModels.create(ModelName.SHAPLEY, ModelSettings.defaults(), HalfLife.MINIMUM);
    time(out, "attribute (values + money)", () -> model.attribute(won));
    AttributionModel rateModel =
        AttributionModels.create(
            ModelName.SHAPLEY, ModelSettings.defaults().withShapley(rate), HalfLife.MINIMUM);
    time(out, "attribute, conversion rate", () -> rateModel.attribute(won));
    Journeys leads = JourneyBuilder.build(dataset, JourneyOptions.of(Goal.LEAD));
    time(
        out,
        String.format(Locale.ROOT, "attribute, lead goal, %,d conv", leads.conversionCount()),
        () -> model.attribute(leads));
    ShapleySettings sampled = rate.withMethod(ShapleySettings.Method.MONTE_CARLO);
    ShapleyResult[] estimate = new ShapleyResult[1];
    time(
        out,
        "values, Monte-Carlo rate, m=2000",
        () -> estimate[0] = ShapleyModel.values(won, sampled));
    double[] truth = ShapleyModel.values(won, rate).values();
    double worst = 0;
    for (int c = 0; c < truth.length; c++) {
      worst = Math.max(worst, Math.abs(truth[c] - estimate[0].values()[c]));
    }
    out.printf(
        Locale.ROOT,
        "Monte-Carlo: %d players, Hoeffding bound ±%.5f (95%%), largest actual error %.7f%n",
        estimate[0].players(),
        estimate[0].errorBound(),
        worst);
  }

  /** Bootstrap on its own data set of about {@code journeys}, the 1M-journey data released. */
  private static void timeBootstrap(PrintStream out, int journeys) throws Exception {
    Journeys won = wonJourneys(journeys, 12);
    AttributionModel model =
        AttributionModels.create(ModelName.SHAPLEY, ModelSettings.defaults(), HalfLife.MINIMUM);
    AttributionModel linear =
        AttributionModels.create(ModelName.LINEAR, ModelSettings.defaults(), HalfLife.MINIMUM);
    Timing bootstrap = Timing.measure(1, 3, () -> Bootstrap.compute(model, won, 200, 0.9, 1));
    String size = String.format(Locale.ROOT, "%,d j", won.size());
    print(out, "bootstrap shapley, " + size + ", B=200", bootstrap);
    Timing bootstrapLinear =
        Timing.measure(1, 3, () -> Bootstrap.compute(linear, won, 200, 0.9, 1));
    print(out, "bootstrap linear, " + size + ", B=200", bootstrapLinear);
  }

  private static void time(PrintStream out, String step, Timing.Task task) throws Exception {
    print(out, step, Timing.measure(3, 7, task));
  }

  private static void print(PrintStream out, String step, Timing timing) {
    out.printf(
        Locale.ROOT,
        "%-36s %10.1f %10.1f %10.1f%n",
        step,
        timing.medianMillis(),
        timing.minMillis(),
        timing.maxMillis());
  }
}
