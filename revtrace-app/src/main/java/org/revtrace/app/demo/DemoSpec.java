package org.revtrace.app.demo;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What to generate: a seed, the size of the data set and the calendar window.
 *
 * <p>The same spec always yields byte-identical files. Sizes are targets: the number of accounts is
 * exact, the number of touchpoints lands within a few percent of {@code touchpoints} (known
 * buying-committee journeys plus anonymous traffic that fills the rest).
 *
 * @param seed seed of every random choice
 * @param accounts number of target companies, at least 1
 * @param touchpoints target number of rows in {@code touchpoints.csv}, at least 0
 * @param startDate first calendar day of the window (Moscow time)
 * @param days length of the window in days, at least 30
 * @param reportingCurrency the currency rates are quoted in; only {@code RUB} is supported
 * @param dirty whether to plant dirty data (missing UTMs, variants, duplicates, bad rows)
 */
public record DemoSpec(
    long seed,
    int accounts,
    long touchpoints,
    LocalDate startDate,
    int days,
    String reportingCurrency,
    boolean dirty) {

  /** Touchpoints per account that {@link #scaledTo(long)} keeps, as in {@link #defaults()}. */
  public static final int TOUCHPOINTS_PER_ACCOUNT = 100;

  public DemoSpec {
    Objects.requireNonNull(startDate, "startDate");
    Objects.requireNonNull(reportingCurrency, "reportingCurrency");
    if (accounts < 1) {
      throw new IllegalArgumentException("accounts must be at least 1: " + accounts);
    }
    if (touchpoints < 0) {
      throw new IllegalArgumentException("touchpoints must not be negative: " + touchpoints);
    }
    if (days < 30) {
      throw new IllegalArgumentException("days must be at least 30: " + days);
    }
    if (!reportingCurrency.equals("RUB")) {
      throw new IllegalArgumentException(
          "only RUB is supported as the demo reporting currency: " + reportingCurrency);
    }
  }

  /** About 600 accounts and 60,000 touchpoints over the 18 months ending 2025-12-31, dirty. */
  public static DemoSpec defaults() {
    LocalDate start = LocalDate.of(2024, 7, 1);
    int days = (int) (LocalDate.of(2026, 1, 1).toEpochDay() - start.toEpochDay());
    return new DemoSpec(42L, 600, 60_000L, start, days, "RUB", true);
  }

  /** This spec with another seed. */
  public DemoSpec withSeed(long newSeed) {
    return new DemoSpec(newSeed, accounts, touchpoints, startDate, days, reportingCurrency, dirty);
  }

  /** This spec with another account count; touchpoints unchanged. */
  public DemoSpec withAccounts(int newAccounts) {
    return new DemoSpec(seed, newAccounts, touchpoints, startDate, days, reportingCurrency, dirty);
  }

  /** This spec with another touchpoint target; accounts unchanged. */
  public DemoSpec withTouchpoints(long newTouchpoints) {
    return new DemoSpec(seed, accounts, newTouchpoints, startDate, days, reportingCurrency, dirty);
  }

  /** This spec with dirty data on or off. */
  public DemoSpec withDirty(boolean newDirty) {
    return new DemoSpec(seed, accounts, touchpoints, startDate, days, reportingCurrency, newDirty);
  }

  /**
   * This spec with a touchpoint target and accounts scaled to keep {@value
   * #TOUCHPOINTS_PER_ACCOUNT} touchpoints per account (at least 50 accounts), as a {@code
   * --touchpoints} flag would want.
   */
  public DemoSpec scaledTo(long newTouchpoints) {
    long scaled = Math.max(50L, newTouchpoints / TOUCHPOINTS_PER_ACCOUNT);
    return withTouchpoints(newTouchpoints).withAccounts((int) Math.min(Integer.MAX_VALUE, scaled));
  }

  /** The last calendar day of the window. */
  public LocalDate endDate() {
    return startDate.plusDays(days - 1L);
  }
}
