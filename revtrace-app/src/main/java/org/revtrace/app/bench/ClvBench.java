package org.revtrace.app.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import org.hipparchus.random.RandomDataGenerator;
import org.revtrace.core.clv.BgNbd;
import org.revtrace.core.clv.Clv;
import org.revtrace.core.clv.CustomerSummary;
import org.revtrace.core.clv.GammaGamma;
import org.revtrace.core.clv.TimeScale;
import org.revtrace.core.dataset.Purchases;

/**
 * Benchmark of the customer-lifetime-value engines: simulates N customers from the BG/NBD and
 * Gamma-Gamma parameters fitted to CDNOW (first purchases spread over 12 weeks, purchases on whole
 * days, 39-week calibration), then times the weekly summary, the BG/NBD and Gamma-Gamma fits and a
 * 12-month CLV at 1% a month (median and minimum wall-clock time and median process CPU time of
 * seven runs after one warm-up).
 */
public final class ClvBench {

  private static final BgNbd CDNOW_PURCHASES = new BgNbd(0.243, 4.414, 0.793, 2.426, Double.NaN);
  private static final GammaGamma CDNOW_SPEND = new GammaGamma(6.25, 3.74, 15.44, Double.NaN);
  private static final LocalDate FIRST_DAY = LocalDate.of(1997, 1, 1);
  private static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
  private static final int ACQUISITION_DAYS = 84;
  private static final int MEASURED = 7;

  private ClvBench() {}

  public static void main(String[] args) {
    run(System.out, args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000);
  }

  /**
   * Runs the benchmark on {@code customers} synthetic customers and prints a table to {@code out}.
   */
  public static void run(PrintStream out, int customers) {
    long started = System.nanoTime();
    Purchases purchases = synthetic(customers, 7);
    out.printf(
        Locale.ROOT,
        "synthetic: %,d customers, %,d purchases (generated in %.1f s), %d cores%n",
        customers,
        purchases.size(),
        (System.nanoTime() - started) / 1e9,
        Runtime.getRuntime().availableProcessors());
    CustomerSummary summary = CustomerSummary.of(purchases, CALIBRATION_END, TimeScale.WEEKS);
    BgNbd fitted = BgNbd.fit(summary);
    GammaGamma spend = GammaGamma.fit(summary);
    out.printf(
        Locale.ROOT,
        "fitted BG/NBD r=%.3f alpha=%.3f a=%.3f b=%.3f (true 0.243 4.414 0.793 2.426)%n",
        fitted.r(),
        fitted.alpha(),
        fitted.a(),
        fitted.b());
    out.printf(
        Locale.ROOT,
        "fitted Gamma-Gamma p=%.2f q=%.2f gamma=%.2f (true 6.25 3.74 15.44)%n%n",
        spend.p(),
        spend.q(),
        spend.gamma());
    out.printf(Locale.ROOT, "%-22s %12s %12s %12s%n", "step", "median ms", "min ms", "cpu ms");
    measure(
        out,
        "summary (weeks)",
        () -> CustomerSummary.of(purchases, CALIBRATION_END, TimeScale.WEEKS));
    measure(out, "fit BG/NBD", () -> BgNbd.fit(summary));
    measure(out, "fit Gamma-Gamma", () -> GammaGamma.fit(summary));
    measure(out, "CLV 12 months", () -> Clv.compute(fitted, spend, summary, 12, 0.01));
    measure(
        out,
        "all (summary..CLV)",
        () -> {
          CustomerSummary s = CustomerSummary.of(purchases, CALIBRATION_END, TimeScale.WEEKS);
          Clv.compute(BgNbd.fit(s), GammaGamma.fit(s), s, 12, 0.01);
        });
  }

  /**
   * One warm-up and seven measured runs: median and minimum wall-clock time, and the median process
   * CPU time (all threads, GC and JIT included), which other load on the machine does not inflate.
   */
  private static void measure(PrintStream out, String step, Runnable work) {
    work.run();
    double[] wall = new double[MEASURED];
    double[] cpu = new double[MEASURED];
    for (int i = 0; i < MEASURED; i++) {
      long cpuStart = processCpuNanos();
      long start = System.nanoTime();
      work.run();
      wall[i] = (System.nanoTime() - start) / 1e6;
      cpu[i] = (processCpuNanos() - cpuStart) / 1e6;
    }
    Arrays.sort(wall);
    Arrays.sort(cpu);
    out.printf(
        Locale.ROOT,
        "%-22s %12.1f %12.1f %12.1f%n",
        step,
        wall[MEASURED / 2],
        wall[0],
        cpu[MEASURED / 2]);
  }

  /** CPU time of the whole process (all threads, including GC and JIT); -1 if unknown. */
  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean bean) {
      return bean.getProcessCpuTime();
    }
    return -1;
  }

  /**
   * Customers simulated from the BG/NBD story (λ ~ Gamma(r, α) per week, p ~ Beta(a, b): after each
   * repeat purchase the customer leaves with probability p) and the Gamma-Gamma spend story (ν ~
   * Gamma(q, γ), each purchase ~ Gamma(p, ν)); first purchases uniform over the first 12 weeks of
   * 1997.
   */
  static Purchases synthetic(int customers, long seed) {
    RandomDataGenerator random = new RandomDataGenerator(seed);
    int firstDay = (int) FIRST_DAY.toEpochDay();
    int end = (int) CALIBRATION_END.toEpochDay();
    int capacity = customers * 3;
    int[] customer = new int[capacity];
    int[] day = new int[capacity];
    double[] amount = new double[capacity];
    int n = 0;
    for (int c = 0; c < customers; c++) {
      double ratePerDay = random.nextGamma(CDNOW_PURCHASES.r(), 1 / CDNOW_PURCHASES.alpha()) / 7;
      double dropout = random.nextBeta(CDNOW_PURCHASES.a(), CDNOW_PURCHASES.b());
      double spendRate = random.nextGamma(CDNOW_SPEND.q(), 1 / CDNOW_SPEND.gamma());
      double t = firstDay + random.nextInt(ACQUISITION_DAYS);
      boolean repeat = false;
      while (Math.floor(t) <= end) {
        if (n == customer.length) {
          customer = Arrays.copyOf(customer, n * 2);
          day = Arrays.copyOf(day, n * 2);
          amount = Arrays.copyOf(amount, n * 2);
        }
        customer[n] = c;
        day[n] = (int) Math.floor(t);
        amount[n] = random.nextGamma(CDNOW_SPEND.p(), 1 / spendRate);
        n++;
        // the customer may leave after each repeat purchase, never right after the first
        if ((repeat && random.nextDouble() < dropout) || ratePerDay <= 0) {
          break;
        }
        repeat = true;
        t += random.nextExponential(1 / ratePerDay);
      }
    }
    return new Purchases(
        customers, Arrays.copyOf(customer, n), Arrays.copyOf(day, n), Arrays.copyOf(amount, n));
  }
}
