package org.revtrace.ingest.bitrix24;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.revtrace.core.model.CanonicalData;
import org.revtrace.core.model.Deal;
import org.revtrace.core.model.DealStatus;
import org.revtrace.core.model.ErrorCode;
import org.revtrace.core.model.Lead;
import org.revtrace.core.model.Money;
import org.revtrace.core.model.RowError;
import org.revtrace.ingest.canonical.ImportOptions;
import org.revtrace.ingest.canonical.ImportResult;
import org.revtrace.ingest.mapping.MappedImporter;
import org.revtrace.ingest.normalize.Normalizer;

/**
 * The shipped Bitrix24 CSV mappings (docs/examples/bitrix24) on a small export written after the UI
 * export's shape: ";"-separated, Russian headers, dates as {@code dd.MM.yyyy HH:mm:ss}.
 */
class Bitrix24CsvExportTest {

  private static final Path EXAMPLES = Path.of("..", "docs", "examples", "bitrix24");

  private static Path export() {
    try {
      return Path.of(Bitrix24CsvExportTest.class.getResource("/bitrix24/deals-export.csv").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private final ImportResult result =
      new MappedImporter()
          .importAll(
              List.of(
                  new MappedImporter.Source(
                      export(), EXAMPLES.resolve("bitrix24-deals-to-deals.yaml")),
                  new MappedImporter.Source(
                      export(), EXAMPLES.resolve("bitrix24-deals-to-leads.yaml"))),
              ImportOptions.defaults());

  @Test
  void dealsGetTheirStageStatusMoneyAndMoscowTimes() {
    assertThat(result.data().deals())
        .extracting(Deal::id, Deal::stage, Deal::status, Deal::amount)
        .containsExactly(
            tuple("101", "sql", DealStatus.OPEN, new Money(1_500_050, "RUB")),
            tuple("102", "won", DealStatus.WON, new Money(12_000_000, "RUB")),
            tuple("103", "lost", DealStatus.LOST, new Money(0, "USD")),
            tuple("104", "negotiation", DealStatus.OPEN, new Money(500_000, "EUR")));
    Deal first = result.data().deals().get(0);
    assertThat(first.createdAt()).isEqualTo(Instant.parse("2024-09-02T15:37:18Z"));
    assertThat(first.leadId()).isEqualTo("101");
    assertThat(first.contactId()).isEqualTo("Иван Петров");
    assertThat(first.accountId()).isEqualTo("ООО Ромашка");
    assertThat(result.data().deals().get(1).closedAt())
        .isEqualTo(Instant.parse("2024-08-14T21:00:00Z"));
  }

  @Test
  void badRowsNameTheExportLineAndTheRussianColumn() {
    assertThat(result.errors())
        .extracting(RowError::file, RowError::line, RowError::field, RowError::code)
        .containsExactlyInAnyOrder(
            tuple("deals-export.csv", 6L, "Дата создания", ErrorCode.BAD_TIMESTAMP),
            tuple("deals-export.csv", 6L, "Дата создания", ErrorCode.BAD_TIMESTAMP),
            tuple("deals-export.csv", 7L, "Сумма", ErrorCode.BAD_NUMBER));
  }

  @Test
  void eachDealsUtmTagsReachItsLeadAndChannel() {
    CanonicalData normalised = Normalizer.defaults().normalize(result.data());

    assertThat(normalised.leads())
        .extracting(
            Lead::id, lead -> lead.utm().source(), lead -> lead.utm().medium(), Lead::channel)
        .containsExactly(
            tuple("101", "yandex", "cpc", "paid_search"),
            tuple("102", "google", "cpc", "paid_search"),
            tuple("103", null, null, "direct"),
            tuple("104", "vk", "paid_social", "paid_social"),
            tuple("106", null, null, "direct"));
  }
}
