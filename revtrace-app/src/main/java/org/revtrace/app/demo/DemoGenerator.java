package org.revtrace.app.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates a deterministic, realistic B2B demo data set in the canonical CSV format, with planted
 * channel effects and dirty rows recorded in {@code ground_truth.json}.
 *
 * <p>Files: {@code spend.csv, touchpoints.csv, leads.csv, deals.csv, stage_changes.csv,
 * payments.csv, accounts.csv, contacts.csv, costs.csv, rates.csv} and {@code ground_truth.json}.
 * Existing files of those names are replaced; other files in the folder are left alone.
 *
 * <p>Rows are streamed: memory holds one account's journey at a time, so millions of touchpoints
 * need little heap. About three quarters of the touchpoint target goes to the accounts' buying
 * committees and the rest to anonymous traffic; when the accounts alone exceed the target (many
 * accounts, few touchpoints) there is no anonymous traffic and the count overshoots. Use {@link
 * DemoSpec#scaledTo(long)} to keep the two in proportion.
 *
 * <p>The same spec gives byte-identical output: all randomness comes from one {@link
 * SplittableRandom} seeded by the spec and split per stream and per account, and no clock is read.
 */
public final class DemoGenerator {

  private static final double KNOWN_SHARE = 0.75;

  private DemoGenerator() {}

  /**
   * Writes the demo data set into {@code outputDir}, creating the folder when missing.
   *
   * @throws UncheckedIOException when a file cannot be written
   */
  public static DemoSummary generate(DemoSpec spec, Path outputDir) {
    try {
      Files.createDirectories(outputDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + outputDir, e);
    }
    Window window = new Window(spec.startDate(), spec.days());
    Catalog catalog = new Catalog(spec.days());
    ConversionModel model = new ConversionModel(Catalog.BASE_RATE, catalog.lifts());
    MarketingCalendar calendar = new MarketingCalendar(spec.startDate(), spec.days());
    SplittableRandom root = new SplittableRandom(spec.seed());
    SplittableRandom ratesRandom = root.split();
    SplittableRandom spendRandom = root.split();
    SplittableRandom costsRandom = root.split();
    SplittableRandom accountsRandom = root.split();
    SplittableRandom anonymousRandom = root.split();
    double scale = spec.accounts() / 600.0;
    DirtyData dirty = new DirtyData(spec);
    GroundTruth truth = new GroundTruth(catalog, model);
    Map<String, Long> counts;
    Map<String, Path> paths;
    try (DemoFiles files = new DemoFiles(outputDir)) {
      SpendSimulator spend = new SpendSimulator(catalog, calendar, window, scale);
      spend.writeRates(files.sink(CanonicalFile.RATES), ratesRandom);
      spend.writeSpend(files.sink(CanonicalFile.SPEND), spendRandom);
      new CostsWriter(catalog, calendar, window, spend, scale)
          .write(files.sink(CanonicalFile.COSTS), costsRandom);
      double meanTouches = KNOWN_SHARE * spec.touchpoints() / spec.accounts();
      JourneySimulator journeys =
          new JourneySimulator(catalog, model, window, calendar, files, dirty, truth, meanTouches);
      long known = 0;
      for (int ordinal = 0; ordinal < spec.accounts(); ordinal++) {
        known += journeys.simulate(ordinal, accountsRandom.split());
      }
      new AnonymousTraffic(catalog, window, calendar)
          .write(Math.max(0, spec.touchpoints() - known), files, dirty, anonymousRandom);
      counts = files.rowCounts();
      paths = new LinkedHashMap<>(files.paths());
    }
    truth.write(outputDir, spec, dirty, counts);
    paths.put(GroundTruth.FILE_NAME, outputDir.resolve(GroundTruth.FILE_NAME));
    return new DemoSummary(outputDir, counts, paths);
  }
}
