package org.revtrace.app.bench;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.revtrace.core.attribution.AttributionModel;
import org.revtrace.core.attribution.AttributionModels;
import org.revtrace.core.attribution.HalfLife;
import org.revtrace.core.attribution.ModelName;
import org.revtrace.core.attribution.ModelSettings;
import org.revtrace.core.dataset.Dataset;
import org.revtrace.core.journey.Goal;
import org.revtrace.core.journey.JourneyBuilder;
import org.revtrace.core.journey.JourneyOptions;
import org.revtrace.core.journey.Journeys;
import org.revtrace.core.model.CanonicalData;
import org.revtrace.core.model.Deal;
import org.revtrace.core.model.DealStatus;
import org.revtrace.core.model.Lead;
import org.revtrace.core.model.Money;
import org.revtrace.core.model.TouchType;
import org.revtrace.core.model.Touchpoint;
import org.revtrace.core.model.Utm;

/**
 * Benchmark of the attribution engines over the in-memory dataset: builds a synthetic data set of N
 * touchpoints (people with ~10 touches each, every one converting to a lead, 20% to a won deal),
 * then times journey building and every model's {@code attribute} on the lead journeys.
 */
public final class ModelBench {

  private static final String[] CHANNELS = {
    "yandex_direct", "google_ads", "vk_ads", "linkedin_ads", "yandex_display", "seo", "email",
    "telegram", "partners", "webinars", "conferences", "referral", "direct", "calls"
  };

  private ModelBench() {}

  public static void main(String[] args) throws Exception {
    run(System.out, args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000);
  }

  /**
   * Runs the benchmark on {@code touchpoints} synthetic touches and prints a table to {@code out}.
   */
  public static void run(PrintStream out, int touchpoints) throws Exception {
    long started = System.nanoTime();
    CanonicalData data = synthetic(touchpoints, 7);
    Dataset dataset = Dataset.of(data, "RUB");
    data = null;
    out.printf(
        Locale.ROOT,
        "dataset: %,d touchpoints, %,d leads, %,d deals, %d channels (built in %.1f s)%n",
        dataset.touchCount(),
        dataset.leadCount(),
        dataset.dealCount(),
        dataset.channels().size(),
        (System.nanoTime() - started) / 1e9);
    Journeys[] journeys = new Journeys[1];
    Timing build =
        Timing.measure(
            2, 5, () -> journeys[0] = JourneyBuilder.build(dataset, JourneyOptions.of(Goal.LEAD)));
    Journeys leads = journeys[0];
    double perTenMillion = 10_000_000.0 / leads.touchCount();
    out.printf(
        Locale.ROOT,
        "journeys (goal lead): %,d journeys, %,d touches%n%n",
        leads.size(),
        leads.touchCount());
    out.printf(
        Locale.ROOT,
        "%-22s %12s %12s %12s %16s%n",
        "step",
        "median ms",
        "min ms",
        "max ms",
        "ms per 10M touches");
    print(out, "build journeys", build, perTenMillion);
    double total = 0;
    for (ModelName name : ModelName.values()) {
      AttributionModel model =
          AttributionModels.create(
              name, ModelSettings.defaults(), HalfLife.fromSalesCycle(dataset));
      Timing timing = Timing.measure(3, 7, () -> model.attribute(leads));
      print(out, name.code(), timing, perTenMillion);
      total += timing.medianMillis();
    }
    out.printf(Locale.ROOT, "%-22s %12.1f%n", "all models (sum)", total);
  }

  private static void print(PrintStream out, String step, Timing timing, double scale) {
    out.printf(
        Locale.ROOT,
        "%-22s %12.1f %12.1f %12.1f %16.1f%n",
        step,
        timing.medianMillis(),
        timing.minMillis(),
        timing.maxMillis(),
        timing.medianMillis() * scale);
  }

  /** People with 1–19 touches (mean 10) over a year, each with a lead; 20% win a deal. */
  static CanonicalData synthetic(int touchpoints, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Instant start = Instant.parse("2025-01-01T00:00:00Z");
    List<Touchpoint> touches = new ArrayList<>(touchpoints);
    List<Lead> leads = new ArrayList<>(touchpoints / 10 + 1);
    List<Deal> deals = new ArrayList<>(touchpoints / 50 + 1);
    Utm[] utms = new Utm[CHANNELS.length];
    for (int c = 0; c < CHANNELS.length; c++) {
      utms[c] = new Utm(CHANNELS[c], "cpc", CHANNELS[c] + "_brand", null, null);
    }
    TouchType[] types = TouchType.values();
    int person = 0;
    while (touches.size() < touchpoints) {
      String contact = "c" + person;
      int count = Math.min(1 + random.nextInt(19), touchpoints - touches.size());
      long at = start.getEpochSecond() + random.nextLong(300L * 86_400);
      for (int k = 0; k < count; k++) {
        int channel = random.nextInt(CHANNELS.length);
        touches.add(
            new Touchpoint(
                "t" + touches.size(),
                Instant.ofEpochSecond(at),
                CHANNELS[channel],
                null,
                contact,
                null,
                types[random.nextInt(types.length)],
                utms[channel],
                null,
                null));
        at += random.nextLong(4L * 86_400);
      }
      String leadId = "l" + person;
      Instant leadAt = Instant.ofEpochSecond(at);
      leads.add(
          new Lead(
              leadId,
              leadAt,
              contact,
              null,
              null,
              null,
              null,
              null,
              Utm.NONE,
              leadAt.plusSeconds(86_400),
              null,
              null));
      if (random.nextInt(5) == 0) {
        deals.add(
            new Deal(
                "d" + person,
                leadAt.plusSeconds(5 * 86_400),
                new Money(100_000_00L + random.nextLong(900_000_00L), "RUB"),
                null,
                contact,
                leadId,
                "won",
                DealStatus.WON,
                leadAt.plusSeconds(40 * 86_400),
                null));
      }
      person++;
    }
    return new CanonicalData(
        List.of(), touches, leads, deals, List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of());
  }
}
