package org.revtrace.ingest.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.revtrace.core.model.CanonicalData;
import org.revtrace.core.model.CostCategory;
import org.revtrace.core.model.DealStatus;
import org.revtrace.core.model.ErrorCode;
import org.revtrace.core.model.Money;
import org.revtrace.core.model.TouchType;
import org.revtrace.core.model.Touchpoint;

/**
 * Golden test of the canonical import: {@code canonical/golden} holds one file per kind with good
 * rows and each kind of bad row; the expected quarantine is in {@code canonical/golden-expected}.
 */
class CanonicalImporterGoldenTest {

  private static final Path GOLDEN = TestFiles.resource("canonical/golden");

  /** Run with {@code -Drevtrace.updateGolden=true} to rewrite the expected files, then review. */
  private static final Path EXPECTED =
      Boolean.getBoolean("revtrace.updateGolden")
          ? Path.of("src/test/resources/canonical/golden-expected")
          : TestFiles.resource("canonical/golden-expected");

  private final ImportResult result =
      new CanonicalImporter().importFolder(GOLDEN, ImportOptions.defaults());

  @Test
  void quarantineMatchesTheGoldenFiles(@TempDir Path out) throws IOException {
    if (Boolean.getBoolean("revtrace.updateGolden")) {
      new QuarantineWriter().write(result, EXPECTED);
    }
    new QuarantineWriter().write(result, out);

    try (var expected = Files.list(EXPECTED)) {
      for (Path file : expected.sorted().toList()) {
        assertThat(TestFiles.read(out.resolve(file.getFileName().toString())))
            .as(file.getFileName().toString())
            .isEqualTo(TestFiles.read(file));
      }
    }
    try (var written = Files.list(out)) {
      assertThat(written.count()).isEqualTo(Files.list(EXPECTED).count());
    }
  }

  @Test
  void everyDataRowIsKeptOrQuarantined() {
    for (FileStats stats : result.files()) {
      long quarantinedRows =
          result.quarantine().stream()
              .filter(file -> file.file().equals(stats.file()))
              .mapToLong(file -> file.rows().size())
              .sum();
      assertThat(quarantinedRows).as(stats.file()).isEqualTo(stats.rowsQuarantined());
      assertThat(stats.rowsKept() + stats.rowsQuarantined()).isEqualTo(stats.rowsRead());
    }
    CanonicalData data = result.data();
    assertThat(data.touchpoints()).hasSize(3);
    assertThat(data.leads()).hasSize(2);
    assertThat(data.deals()).hasSize(2);
    assertThat(data.payments()).hasSize(2);
    assertThat(data.spend()).hasSize(2);
    assertThat(data.rates()).hasSize(1);
    assertThat(data.costs()).hasSize(2);
    assertThat(data.accounts()).isEmpty();
    assertThat(data.contacts()).hasSize(1);
    assertThat(data.stageChanges()).hasSize(3);
  }

  @Test
  void keptRowsHaveTheirValues() {
    CanonicalData data = result.data();
    Touchpoint first = data.touchpoints().get(0);
    assertThat(first.id()).isEqualTo("t1");
    assertThat(first.occurredAt()).isEqualTo(Instant.parse("2025-03-01T07:15:00Z"));
    assertThat(first.type()).isEqualTo(TouchType.AD_CLICK);
    assertThat(first.utm().source()).isEqualTo("yandex");
    assertThat(first.landingPage()).isEqualTo("/pricing");
    // Local date-time and date are read in the default zone, UTC.
    assertThat(data.touchpoints().get(1).occurredAt())
        .isEqualTo(Instant.parse("2025-03-01T10:15:00Z"));
    assertThat(data.touchpoints().get(2).occurredAt())
        .isEqualTo(Instant.parse("2025-03-02T00:00:00Z"));

    assertThat(data.leads().get(1).channel()).isEqualTo("multi\nline, with comma and \"quotes\"");
    assertThat(data.deals().get(0).amount()).isEqualTo(new Money(15_000_050, "RUB"));
    assertThat(data.deals().get(0).status()).isEqualTo(DealStatus.WON);
    assertThat(data.payments().get(1).amount()).isEqualTo(new Money(-500_000, "RUB"));
    assertThat(data.spend().get(0).clicks()).isEqualTo(250);
    assertThat(data.rates().get(0).rate()).isEqualByComparingTo(new BigDecimal("90.5"));
    assertThat(data.rates().get(0).date()).isEqualTo(LocalDate.of(2025, 3, 1));
    assertThat(data.costs().get(0).category()).isEqualTo(CostCategory.SALES);
  }

  @Test
  void personalDataIsStoredHashed() {
    PersonalData hashes = new PersonalData(PersonalData.DEFAULT_SALT);
    assertThat(result.data().leads().get(0).email())
        .isEqualTo(hashes.hashEmail("anna@example.com"));
    assertThat(result.data().leads().get(0).phone()).isEqualTo(hashes.hashPhone("79161234567"));
    // "+7 916 ..." and "8 (916) ..." are the same phone.
    assertThat(result.data().contacts().get(0).phone())
        .isEqualTo(result.data().leads().get(0).phone());
  }

  @Test
  void dealDatedBeforeItsLeadIsKeptWithAWarning() {
    assertThat(result.warnings())
        .singleElement()
        .satisfies(
            warning -> {
              assertThat(warning.code()).isEqualTo(ErrorCode.OUT_OF_ORDER);
              assertThat(warning.file()).isEqualTo("deals.csv");
              assertThat(warning.line()).isEqualTo(7);
            });
    assertThat(result.data().deals()).extracting("id").contains("D6");
  }

  @Test
  void summariesCountRowsAndCodes() {
    assertThat(result.files().get(1).summary())
        .isEqualTo(
            "touchpoints.csv: 9 rows, 3 kept, 6 quarantined (1 BAD_TIMESTAMP, 1 BAD_VALUE,"
                + " 1 DUPLICATE_ID, 1 MISSING_VALUE, 1 NO_IDENTITY, 1 RAGGED_ROW)");
    assertThat(result.summary())
        .contains("accounts.csv: 2 rows, 0 kept, 2 quarantined (1 MISSING_COLUMN)");
    assertThat(result.summary())
        .contains(
            "spend.csv: 7 rows, 2 kept, 5 quarantined (1 BAD_DATE, 1 BAD_NUMBER,"
                + " 1 CONFLICTING_ROW, 1 DUPLICATE_ROW, 1 NEGATIVE_VALUE)");
  }

  @Test
  void repeatedIdsAndKeysCountAsDuplicates() {
    assertThat(result.files())
        .filteredOn(stats -> stats.duplicates() > 0)
        .extracting(FileStats::file, FileStats::duplicates)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("spend.csv", 2L),
            org.assertj.core.groups.Tuple.tuple("touchpoints.csv", 1L),
            org.assertj.core.groups.Tuple.tuple("stage_changes.csv", 1L),
            org.assertj.core.groups.Tuple.tuple("contacts.csv", 1L),
            org.assertj.core.groups.Tuple.tuple("costs.csv", 1L),
            org.assertj.core.groups.Tuple.tuple("rates.csv", 2L));
  }
}
