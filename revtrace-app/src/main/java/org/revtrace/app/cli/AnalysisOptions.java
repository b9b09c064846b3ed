package org.revtrace.app.cli;

import java.time.LocalDate;
import picocli.CommandLine.Option;

/** Options shared by the analysis commands: the "as of" day, the currency and the output format. */
public final class AnalysisOptions {

  @Option(
      names = "--as-of",
      description = "Judge the data as of the end of this day (default: the data's last event).")
  String asOf;

  @Option(
      names = "--currency",
      defaultValue = "RUB",
      description = "Reporting currency (default: ${DEFAULT-VALUE}).")
  String currency = "RUB";

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  String format = "table";

  boolean json() {
    return Formats.isJson(format);
  }

  String currency() {
    return Formats.currency(currency);
  }

  /** The --as-of day, or null for the data's last event. */
  LocalDate asOfDay() {
    return Output.date(asOf, "--as-of");
  }
}
