package org.revtrace.core.clv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.revtrace.core.dataset.Purchases;

/** Reads the shared CDNOW files (never copied into the repository). */
final class Cdnow {

  static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
  private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

  private Cdnow() {}

  static Path file(String name) {
    return Path.of(System.getProperty("revtrace.shared", "../../shared"), "data", "cdnow", name);
  }

  static List<String> lines(String name) {
    try {
      return Files.readAllLines(file(name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The published calibration summary {@code ID,x,t_x,T,zbar} (weeks), in file order. */
  static CustomerSummary summaryWithTransactions() {
    List<String> rows = lines("cdnow_customers_summary_with_transactions.csv");
    int n = rows.size() - 1;
    int[] x = new int[n];
    double[] recency = new double[n];
    double[] age = new double[n];
    double[] zbar = new double[n];
    for (int i = 0; i < n; i++) {
      String[] cells = rows.get(i + 1).trim().split(",");
      x[i] = Integer.parseInt(cells[1]);
      recency[i] = Double.parseDouble(cells[2]);
      age[i] = Double.parseDouble(cells[3]);
      zbar[i] = Double.parseDouble(cells[4]);
    }
    return CustomerSummary.of(TimeScale.WEEKS, x, recency, age, zbar);
  }

  /** The published RFM summary {@code ID,frequency,recency,T} (weeks), monetary 0. */
  static CustomerSummary summary() {
    List<String> rows = lines("cdnow_customers_summary.csv");
    int n = rows.size() - 1;
    int[] x = new int[n];
    double[] recency = new double[n];
    double[] age = new double[n];
    for (int i = 0; i < n; i++) {
      String[] cells = rows.get(i + 1).trim().split(",");
      x[i] = Integer.parseInt(cells[1]);
      recency[i] = Double.parseDouble(cells[2]);
      age[i] = Double.parseDouble(cells[3]);
    }
    return CustomerSummary.of(TimeScale.WEEKS, x, recency, age, new double[n]);
  }

  /**
   * Transactions of {@code CDNOW_sample.txt} ({@code master_id sample_id date cds dollars}) or
   * {@code CDNOW_master.txt} ({@code id date cds dollars}, header line); customer = id − 1.
   */
  static Purchases purchases(String name, int idColumn, int dateColumn, int valueColumn) {
    List<String> rows = lines(name);
    int start = rows.get(0).trim().startsWith("customer") ? 1 : 0;
    int n = rows.size() - start;
    int[] customer = new int[n];
    int[] day = new int[n];
    double[] amount = new double[n];
    int customers = 0;
    for (int i = 0; i < n; i++) {
      String[] cells = rows.get(i + start).trim().split("\\s+");
      customer[i] = Integer.parseInt(cells[idColumn]) - 1;
      day[i] = (int) LocalDate.parse(cells[dateColumn], BASIC).toEpochDay();
      amount[i] = Double.parseDouble(cells[valueColumn]);
      customers = Math.max(customers, customer[i] + 1);
    }
    return new Purchases(customers, customer, day, amount);
  }
}
