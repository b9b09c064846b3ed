package org.revtrace.ingest.googleads;

import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.revtrace.core.model.ErrorCode;
import org.revtrace.core.model.Money;
import org.revtrace.ingest.canonical.ImportResult;
import org.revtrace.ingest.connect.AdSource;
import org.revtrace.ingest.connect.CampaignMapping;
import org.revtrace.ingest.connect.RecordCheck;
import org.revtrace.ingest.connect.ReportText;
import org.revtrace.ingest.connect.SpendCollector;
import org.revtrace.ingest.connect.VendorNumbers;

/**
 * Reads the Google Ads UI "Campaign report" download (CSV, or the UTF-16 tab-separated "Excel"
 * variant) segmented by day into spend rows.
 *
 * <p>Layout: title lines (report name, date range) before the header row; the header is the first
 * record naming a campaign column and a cost column, in English or Russian ({@code Campaign /
 * Кампания}, {@code Day / День}, {@code Impr. / Показы}, {@code Clicks / Клики}, {@code Cost /
 * Стоимость}, optional {@code Campaign ID / Идентификатор кампании}, {@code Currency code / Код
 * валюты}, {@code Conversions / Конверсии}: the platform's conversions, fractional under
 * data-driven attribution, kept to hundredths rounded half up). Numbers are written for people:
 * {@code 1,234.56} in English, {@code 1 234,56} in Russian (the header's language decides); {@code
 * --} is empty (zero). Rows whose first field starts with {@code Total} / {@code Итого} are totals:
 * never spend; the campaigns total (else the account total, else a single total row) is reconciled
 * to the minor unit against the kept rows.
 */
public final class GoogleAdsCampaignReport {

  private static final List<DateTimeFormatter> DAYS =
      List.of(
          DateTimeFormatter.ISO_LOCAL_DATE,
          DateTimeFormatter.ofPattern("dd.MM.uuuu", Locale.ROOT),
          DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.ENGLISH),
          DateTimeFormatter.ofPattern("EEE, MMM d, uuuu", Locale.ENGLISH));

  private GoogleAdsCampaignReport() {}

  /**
   * The spend rows of one report file.
   *
   * @param name the file name for errors ({@code googleads:<name>})
   * @param bytes the file as downloaded
   * @param currency the account currency (the report's amounts are in it)
   */
  public static ImportResult parse(
      String name, byte[] bytes, String currency, CampaignMapping mapping) {
    String file = AdSource.GOOGLE_ADS.errorFile(name);
    String text;
    try {
      text = ReportText.decode(bytes);
    } catch (CharacterCodingException e) {
      return SpendCollector.unreadable(
          file, currency, mapping, "", ErrorCode.BAD_ENCODING, "neither UTF-8 nor UTF-16 text");
    }
    List<ReportText.Line> lines = ReportText.records(text, ReportText.delimiter(text));
    int headerIndex =
        ReportText.headerIndex(
            lines,
            Integer.MAX_VALUE,
            fields ->
                ReportText.column(fields, "Campaign", "Кампания") >= 0
                    && ReportText.column(fields, "Cost", "Стоимость", "Расходы") >= 0);
    if (headerIndex < 0) {
      return SpendCollector.unreadable(
          file,
          currency,
          mapping,
          "Campaign",
          ErrorCode.MISSING_COLUMN,
          "no header row with Campaign and Cost");
    }
    List<String> header = lines.get(headerIndex).fields();
    SpendCollector collector = new SpendCollector(file, currency, mapping, header);
    boolean russian = ReportText.column(header, "Кампания") >= 0;
    Function<String, BigDecimal> number = value -> VendorNumbers.parseLocalized(value, russian);
    int campaign = ReportText.column(header, "Campaign", "Кампания");
    int campaignId =
        ReportText.column(header, "Campaign ID", "Идентификатор кампании", "ID кампании");
    int day = ReportText.column(header, "Day", "День", "Date", "Дата");
    int impressions = ReportText.column(header, "Impr.", "Impressions", "Показы");
    int clicks = ReportText.column(header, "Clicks", "Клики");
    int cost = ReportText.column(header, "Cost", "Стоимость", "Расходы");
    int currencyColumn = ReportText.column(header, "Currency code", "Код валюты", "Валюта");
    int conversions = ReportText.column(header, "Conversions", "Конверсии");
    if (day < 0) {
      collector.fileError(
          lines.get(headerIndex).number(),
          "Day",
          ErrorCode.MISSING_COLUMN,
          String.join(",", header),
          "segment the report by Day (День) to import daily spend");
      return collector.result();
    }
    TotalRow best = null;
    for (ReportText.Line line : lines.subList(headerIndex + 1, lines.size())) {
      String first = line.field(0).strip();
      String label = first.toLowerCase(Locale.ROOT);
      if (label.startsWith("total") || label.startsWith("итого")) {
        int rank = totalRank(label);
        if (best == null || rank < best.rank()) {
          best = new TotalRow(rank, line.number(), line.field(cost).strip());
        }
        continue;
      }
      RecordCheck check = new RecordCheck(collector, line.number());
      if (currencyColumn >= 0) {
        String rowCurrency = line.field(currencyColumn).strip();
        if (!rowCurrency.isEmpty() && !rowCurrency.equalsIgnoreCase(currency)) {
          check.fail(
              header.get(currencyColumn),
              ErrorCode.BAD_CURRENCY,
              rowCurrency,
              "the account currency is " + currency);
        }
      }
      String id = campaignId < 0 ? null : line.field(campaignId).strip();
      String campaignName = line.field(campaign).strip();
      check.campaign(header.get(campaign), id, campaignName);
      check.finish(
          line.fields(),
          check.date(header.get(day), line.field(day), DAYS.toArray(DateTimeFormatter[]::new)),
          id,
          campaignName,
          impressions < 0
              ? 0
              : check.count(header.get(impressions), line.field(impressions), number),
          clicks < 0 ? 0 : check.count(header.get(clicks), line.field(clicks), number),
          check.amount(header.get(cost), line.field(cost), number),
          conversions < 0
              ? null
              : check.conversions(header.get(conversions), line.field(conversions), number));
    }
    if (best != null) {
      BigDecimal total = best.raw().equals("--") ? BigDecimal.ZERO : number.apply(best.raw());
      if (total == null) {
        collector.fileError(
            best.line(), header.get(cost), ErrorCode.BAD_NUMBER, best.raw(), "total cost");
      } else {
        collector.totalCost(best.line(), best.raw(), Money.ofMajor(total, currency));
      }
    }
    return collector.result();
  }

  private record TotalRow(int rank, long line, String raw) {}

  /** Which total to reconcile: campaigns (0), account (1), any other (2). */
  private static int totalRank(String label) {
    if (label.contains("campaign") || label.contains("кампани")) {
      return 0;
    }
    return label.contains("account") || label.contains("аккаунт") ? 1 : 2;
  }
}
