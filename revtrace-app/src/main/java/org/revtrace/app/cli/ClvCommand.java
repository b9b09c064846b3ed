package org.revtrace.app.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.revtrace.app.report.TextTable;
import org.revtrace.core.clv.BgNbd;
import org.revtrace.core.clv.ChannelValue;
import org.revtrace.core.clv.Clv;
import org.revtrace.core.clv.CustomerSummary;
import org.revtrace.core.clv.GammaGamma;
import org.revtrace.core.clv.ParetoNbd;
import org.revtrace.core.clv.PurchaseModel;
import org.revtrace.core.clv.TimeScale;
import org.revtrace.core.dataset.Dataset;
import org.revtrace.core.metric.ChannelReport;
import org.revtrace.core.metric.MetricRow;
import org.revtrace.core.metric.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code revtrace clv}: predicted customer lifetime value, LTV:CAC and payback per channel. */
@Command(
    name = "clv",
    mixinStandardHelpOptions = true,
    description = {
      "Predicted customer lifetime value: BG/NBD (repeat purchases) + Gamma-Gamma (value per",
      "purchase) fitted by maximum likelihood on the accounts' payments, discounted CLV per",
      "customer, and per acquisition channel with predicted LTV:CAC and payback",
      "(docs/definitions/clv.md)."
    })
public final class ClvCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin InputOptions input;

  @Mixin ReportOptions options;

  @Option(names = "--as-of", description = "Calibration end (default: the data's last event).")
  String asOf;

  @Option(
      names = "--months",
      defaultValue = "24",
      description = "CLV horizon in months (default: ${DEFAULT-VALUE}).")
  int months;

  @Option(
      names = "--discount",
      defaultValue = "0.01",
      description = "Monthly discount rate (default: ${DEFAULT-VALUE}).")
  double discount;

  @Option(
      names = "--purchase-model",
      defaultValue = "bgnbd",
      description = "Repeat-purchase model: bgnbd or paretonbd (default: ${DEFAULT-VALUE}).")
  String purchaseModel;

  /** One channel's predicted value next to its acquisition cost. */
  record ChannelClv(
      String channel,
      int customers,
      double meanClv,
      double totalClv,
      Double cac,
      Double ltvToCac,
      Double paybackMonths) {}

  /** The fitted models and the per-channel values. */
  record Result(
      String currency,
      LocalDate calibrationEnd,
      int customers,
      PurchaseModel purchases,
      GammaGamma spend,
      int months,
      double monthlyDiscount,
      List<ChannelClv> channels) {}

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (months < 1 || months > 240 || !(discount >= 0 && discount < 1)) {
      throw new BadArgument("--months must be 1 to 240 and --discount in [0, 1)");
    }
    ReportOptions.Format format = options.format();
    String currency = options.currency();
    DataLoader.Loaded loaded = DataLoader.load(input, currency);
    DataLoader.reportErrors(loaded, null, spec.commandLine().getErr());
    Dataset data = loaded.dataset();
    LocalDate end =
        LocalDate.ofInstant(
            Output.asOf(Output.date(asOf, "--as-of"), data).minusSeconds(1), ZoneOffset.UTC);
    CustomerSummary summary = CustomerSummary.of(data, ZoneOffset.UTC, end, TimeScale.WEEKS);
    long repeaters = java.util.Arrays.stream(summary.frequency()).filter(x -> x > 0).count();
    if (summary.size() < 20 || repeaters < 10) {
      throw new BadArgument(
          "not enough data for CLV: "
              + summary.size()
              + " paying customers, "
              + repeaters
              + " with repeat purchases (need at least 20 and 10)");
    }
    PurchaseModel purchases =
        switch (purchaseModel.trim().toLowerCase(Locale.ROOT)) {
          case "bgnbd" -> BgNbd.fit(summary);
          case "paretonbd" -> ParetoNbd.fit(summary);
          default ->
              throw new BadArgument(
                  "unknown purchase model '" + purchaseModel + "': use bgnbd or paretonbd");
        };
    GammaGamma spend = GammaGamma.fit(summary);
    double[] values = Clv.compute(purchases, spend, summary, months, discount);
    List<ChannelValue> byChannel =
        Clv.byChannel(summary, values, AcquisitionChannels.of(data), data.channels());
    Report report = ChannelReport.compute(data, options.request());
    Map<String, MetricRow> rows = new LinkedHashMap<>();
    report.channels().forEach(row -> rows.put(row.key(), row));
    List<ChannelClv> channels = new ArrayList<>();
    double minorPerMajor =
        Math.pow(10, org.revtrace.core.model.Currencies.fractionDigits(currency));
    for (ChannelValue value : byChannel) {
      if (value.customers() == 0) {
        continue;
      }
      MetricRow row = rows.get(value.channel());
      Double cac = row == null || row.cac() == null ? null : row.cac() / minorPerMajor;
      Double ratio = cac == null || cac == 0 ? null : value.mean() / cac;
      Double payback = cac == null || value.mean() <= 0 ? null : months * cac / value.mean();
      channels.add(
          new ChannelClv(
              value.channel(),
              value.customers(),
              value.mean(),
              value.total(),
              cac,
              ratio,
              payback));
    }
    Result result =
        new Result(currency, end, summary.size(), purchases, spend, months, discount, channels);
    if (format == ReportOptions.Format.JSON) {
      Output.json(result, out);
    } else {
      out.printf(
          Locale.ROOT,
          "Customer lifetime value as of %s: %,d paying accounts, %d months, %.1f%% a month discount%n",
          end,
          summary.size(),
          months,
          discount * 100);
      out.printf(
          Locale.ROOT,
          "%s; Gamma-Gamma p=%.3f q=%.3f γ=%.3f%n%n",
          describe(purchases),
          spend.p(),
          spend.q(),
          spend.gamma());
      TextTable table =
          new TextTable(
              List.of(
                  "channel",
                  "customers",
                  "mean CLV",
                  "total CLV",
                  "CAC",
                  "CLV:CAC",
                  "payback months"));
      for (ChannelClv channel : channels) {
        table.add(
            List.of(
                channel.channel(),
                Output.count(channel.customers()),
                String.format(Locale.ROOT, "%,.0f", channel.meanClv()),
                String.format(Locale.ROOT, "%,.0f", channel.totalClv()),
                channel.cac() == null ? "—" : String.format(Locale.ROOT, "%,.0f", channel.cac()),
                channel.ltvToCac() == null
                    ? "—"
                    : String.format(Locale.ROOT, "%.2f", channel.ltvToCac()),
                channel.paybackMonths() == null
                    ? "—"
                    : String.format(Locale.ROOT, "%.1f", channel.paybackMonths())));
      }
      out.print(table.render(false));
      out.printf(
          Locale.ROOT,
          "%nmoney in %s; CAC from the channel report (model %s); payback = months × CAC ÷ mean CLV%n",
          currency,
          report.model());
    }
    out.flush();
    return loaded.hasErrors() ? ExitCodes.DATA_ERRORS : ExitCodes.OK;
  }

  private static String describe(PurchaseModel model) {
    if (model instanceof BgNbd bg) {
      return String.format(
          Locale.ROOT,
          "BG/NBD r=%.3f α=%.3f a=%.3f b=%.3f (LL %.1f)",
          bg.r(),
          bg.alpha(),
          bg.a(),
          bg.b(),
          bg.logLikelihood());
    }
    ParetoNbd pareto = (ParetoNbd) model;
    return String.format(
        Locale.ROOT,
        "Pareto/NBD r=%.3f α=%.3f s=%.3f β=%.3f (LL %.1f)",
        pareto.r(),
        pareto.alpha(),
        pareto.s(),
        pareto.beta(),
        pareto.logLikelihood());
  }
}
