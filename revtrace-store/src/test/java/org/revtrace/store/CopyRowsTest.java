package org.revtrace.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CopyRowsTest {

  @Test
  void writesTheTextFormatWithEscapesAndNulls() throws SQLException {
    RecordingCopyIn copy = new RecordingCopyIn();
    CopyRows rows = new CopyRows(copy);

    rows.number(-42).text("a\tb\nc\rd\\e").text(null).text("Ромашка");
    rows.endRow();
    rows.instant(Instant.parse("2025-03-01T07:15:00.123456Z")).date(LocalDate.of(2025, 3, 1));
    rows.instant(null);
    rows.endRow();
    long count = rows.finish();

    assertThat(copy.text())
        .isEqualTo(
            "-42\ta\\tb\\nc\\rd\\\\e\t\\N\tРомашка\n"
                + "2025-03-01T07:15:00.123456Z\t2025-03-01\t\\N\n");
    assertThat(count).isEqualTo(2);
    assertThat(copy.isActive()).isFalse();
  }

  @Test
  void sendsLargeLoadsInChunksAndCancelsOnlyAnUnfinishedCopy() throws SQLException {
    RecordingCopyIn copy = new RecordingCopyIn();
    CopyRows rows = new CopyRows(copy);
    for (int i = 0; i < 20_000; i++) {
      rows.number(i).text("row");
      rows.endRow();
    }

    rows.finish();
    rows.cancelIfActive();

    assertThat(copy.writes()).isGreaterThan(1);
    assertThat(copy.text().lines()).hasSize(20_000).startsWith("0\trow").endsWith("19999\trow");
  }
}
