package org.revtrace.ingest.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.revtrace.core.model.ErrorCode;
import org.revtrace.core.model.RowError;
import org.revtrace.ingest.canonical.ImportOptions;
import org.revtrace.ingest.canonical.ImportResult;

/** Worked examples of the mapping features and of errors naming the source file and column. */
class MappedImporterTest {

  @TempDir Path dir;

  @Test
  void renamesMapsFormatsAndConstantsFeedTheCanonicalValidation() throws IOException {
    Path csv =
        Files.writeString(
            dir.resolve("crm.csv"),
            "Id;Created;Source;Sum\n1;01.03.2025 10:00;Ads;100.5\n2;31.02.2025 10:00;;7\n3;02.03.2025 09:00;x;1,5\n");
    Path mapping =
        Files.writeString(
            dir.resolve("m.yaml"),
            """
        target: deals
        delimiter: ";"
        timezone: Europe/Moscow
        columns:
          deal_id: Id
          created_at: {column: Created, format: "dd.MM.yyyy HH:mm"}
          product: {column: Source, map: {ads: paid}, default: none, others: misc}
          amount: Sum
        constants:
          currency: EUR
        """);

    ImportResult result = new MappedImporter().importFile(csv, mapping, ImportOptions.defaults());

    assertThat(result.data().deals())
        .singleElement()
        .satisfies(
            deal -> {
              assertThat(deal.createdAt()).isEqualTo(Instant.parse("2025-03-01T07:00:00Z"));
              assertThat(deal.product())
                  .isEqualTo("misc"); // map keys are exact: "Ads" is not "ads"
              assertThat(deal.amount().currency()).isEqualTo("EUR");
            });
    assertThat(result.errors())
        .extracting(RowError::file, RowError::line, RowError::field, RowError::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("crm.csv", 3L, "Created", ErrorCode.BAD_TIMESTAMP),
            org.assertj.core.groups.Tuple.tuple("crm.csv", 4L, "Sum", ErrorCode.BAD_NUMBER));
  }

  @Test
  void anInvalidMappingIsOneBadMappingError() throws IOException {
    Path csv = Files.writeString(dir.resolve("crm.csv"), "a\n1\n");
    Path mapping = Files.writeString(dir.resolve("m.yaml"), "target: nonsense\ncolumns: {}\n");

    ImportResult result = new MappedImporter().importFile(csv, mapping, ImportOptions.defaults());

    assertThat(result.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.code()).isEqualTo(ErrorCode.BAD_MAPPING);
              assertThat(error.message()).contains("target");
            });
  }

  @Test
  void aMissingSourceColumnNamesIt() throws IOException {
    Path csv = Files.writeString(dir.resolve("crm.csv"), "Id\n1\n");
    Path mapping =
        Files.writeString(
            dir.resolve("m.yaml"), "target: leads\ncolumns: {lead_id: Id, created_at: Created}\n");

    ImportResult result = new MappedImporter().importFile(csv, mapping, ImportOptions.defaults());

    assertThat(result.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.code()).isEqualTo(ErrorCode.MISSING_COLUMN);
              assertThat(error.message()).contains("Created");
            });
    assertThat(result.files().get(0).rowsQuarantined()).isEqualTo(1);
  }
}
