package org.revtrace.ingest.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SpendCursorTest {

  private static final LocalDate FIRST = LocalDate.of(2025, 1, 1);

  @Test
  void firstSyncStartsAtTheFirstDayAndLaterOnesReReadTheRestatementWindow() {
    SpendCursor start = SpendCursor.start(AdSource.YANDEX_DIRECT, "login");

    DateRange first = start.nextRange(FIRST, LocalDate.of(2025, 3, 10), 3).orElseThrow();
    SpendCursor after = start.after(first);
    DateRange second = after.nextRange(FIRST, LocalDate.of(2025, 3, 12), 3).orElseThrow();

    assertThat(first).isEqualTo(new DateRange(FIRST, LocalDate.of(2025, 3, 10)));
    assertThat(after.lastSynced()).isEqualTo(LocalDate.of(2025, 3, 10));
    assertThat(second)
        .isEqualTo(new DateRange(LocalDate.of(2025, 3, 8), LocalDate.of(2025, 3, 12)));
  }

  @Test
  void nothingNewWithoutRestatementIsEmptyAndTheCursorNeverMovesBack() {
    SpendCursor cursor = new SpendCursor(AdSource.VK_ADS, "1", LocalDate.of(2025, 3, 10));

    assertThat(cursor.nextRange(FIRST, LocalDate.of(2025, 3, 10), 0)).isEqualTo(Optional.empty());
    assertThat(cursor.after(new DateRange(FIRST, LocalDate.of(2025, 2, 1))).lastSynced())
        .isEqualTo(LocalDate.of(2025, 3, 10));
  }

  @Test
  void chunksCoverTheRangeInOrder() {
    DateRange range = new DateRange(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 5));

    assertThat(range.chunks(2))
        .containsExactly(
            new DateRange(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 2)),
            new DateRange(LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 4)),
            new DateRange(LocalDate.of(2025, 3, 5), LocalDate.of(2025, 3, 5)));
  }
}
