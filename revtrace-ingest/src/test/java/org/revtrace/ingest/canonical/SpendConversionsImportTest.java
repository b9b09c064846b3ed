package org.revtrace.ingest.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.revtrace.core.model.ErrorCode;
import org.revtrace.core.model.RowError;
import org.revtrace.core.model.Spend;

/**
 * The optional {@code conversions} column of spend.csv: kept to hundredths, bad values quarantined.
 */
class SpendConversionsImportTest {

  private static ImportResult importSpend(Path dir, String csv) throws IOException {
    Files.writeString(dir.resolve("spend.csv"), csv, StandardCharsets.UTF_8);
    return new CanonicalImporter().importFolder(dir, ImportOptions.defaults());
  }

  @Test
  void goodValuesAreKeptAndABlankOneIsNotReported(@TempDir Path dir) throws IOException {
    ImportResult result =
        importSpend(
            dir,
            """
            date,channel,cost,campaign,clicks,conversions
            2025-03-01,paid_search,100,a,10,3
            2025-03-01,paid_search,100,b,10,2.5
            2025-03-01,paid_search,100,c,10,1.005
            2025-03-01,paid_search,100,d,10,
            """);

    assertThat(result.errors()).isEmpty();
    assertThat(result.data().spend())
        .extracting(Spend::conversions)
        .containsExactly(
            new BigDecimal("3.00"), new BigDecimal("2.50"), new BigDecimal("1.01"), null);
    assertThat(result.data().spend()).extracting(Spend::clicks).containsOnly(10L);
  }

  @Test
  void filesWithoutTheColumnLeaveConversionsUnreported(@TempDir Path dir) throws IOException {
    ImportResult result =
        importSpend(dir, "date,channel,cost,clicks\n2025-03-01,paid_search,100,10\n");

    assertThat(result.errors()).isEmpty();
    assertThat(result.data().spend().get(0).conversions()).isNull();
  }

  @Test
  void badValuesAreQuarantinedWithLineAndField(@TempDir Path dir) throws IOException {
    ImportResult result =
        importSpend(
            dir,
            """
            date,channel,cost,campaign,Conversions
            2025-03-01,paid_search,100,a,many
            2025-03-01,paid_search,100,b,-1
            2025-03-01,paid_search,100,c,"1,5"
            2025-03-01,paid_search,100,d,4
            """);

    assertThat(result.errors())
        .extracting(RowError::line, RowError::field, RowError::code, RowError::raw)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2L, "Conversions", ErrorCode.BAD_NUMBER, "many"),
            org.assertj.core.groups.Tuple.tuple(3L, "Conversions", ErrorCode.NEGATIVE_VALUE, "-1"),
            org.assertj.core.groups.Tuple.tuple(4L, "Conversions", ErrorCode.BAD_NUMBER, "1,5"));
    assertThat(result.errors().get(2).message()).contains("decimal separator");
    assertThat(result.data().spend()).hasSize(1);
    assertThat(result.data().spend().get(0).conversions()).isEqualByComparingTo("4");
  }

  @Test
  void aRepeatedRowWithOtherConversionsConflicts(@TempDir Path dir) throws IOException {
    ImportResult result =
        importSpend(
            dir,
            """
            date,channel,cost,campaign,conversions
            2025-03-01,paid_search,100,a,3
            2025-03-01,paid_search,100,a,3.00
            2025-03-01,paid_search,100,a,4
            """);

    assertThat(result.errors())
        .extracting(RowError::line, RowError::field, RowError::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(3L, "", ErrorCode.DUPLICATE_ROW),
            org.assertj.core.groups.Tuple.tuple(4L, "conversions", ErrorCode.CONFLICTING_ROW));
    assertThat(result.errors().get(1).message()).contains("conversions 3.00");
  }
}
