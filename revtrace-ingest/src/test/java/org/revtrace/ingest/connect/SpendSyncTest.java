package org.revtrace.ingest.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.revtrace.ingest.canonical.ImportResult;

class SpendSyncTest {

  // 22:30 UTC on 10 March is already 11 March in Moscow (UTC+3) but still 10 March in Los Angeles.
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-03-10T22:30:00Z"), ZoneId.of("UTC"));
  private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
  private static final LocalDate START = LocalDate.of(2025, 3, 1);

  private final List<DateRange> asked = new ArrayList<>();
  private final SpendReader reader =
      range -> {
        asked.add(range);
        return ImportResult.combine(List.of());
      };

  private SpendSync sync(ZoneId zone, LocalDate end, int restatement, boolean today) {
    return new SpendSync(reader, zone, CLOCK, START, end, restatement, today);
  }

  @Test
  void yesterdayIsTakenInTheAccountsTimeZone() {
    assertThat(sync(MOSCOW, null, 7, false).lastDay()).isEqualTo(LocalDate.of(2025, 3, 10));
    assertThat(sync(ZoneId.of("America/Los_Angeles"), null, 7, false).lastDay())
        .isEqualTo(LocalDate.of(2025, 3, 9));
    assertThat(sync(MOSCOW, null, 7, true).lastDay()).isEqualTo(LocalDate.of(2025, 3, 11));
    assertThat(sync(MOSCOW, LocalDate.of(2025, 3, 5), 7, true).lastDay())
        .isEqualTo(LocalDate.of(2025, 3, 5));
  }

  @Test
  void theFirstSyncReadsFromTheStartAndLaterOnesTheRestatementWindow() {
    SpendSync sync = sync(MOSCOW, null, 3, false);
    SpendCursor cursor = SpendCursor.start(AdSource.YANDEX_DIRECT, "login");

    SpendSync.Synced first = sync.sync(cursor);
    SpendSync.Synced second = sync.sync(first.next());

    assertThat(asked)
        .containsExactly(
            new DateRange(START, LocalDate.of(2025, 3, 10)),
            new DateRange(LocalDate.of(2025, 3, 8), LocalDate.of(2025, 3, 10)));
    assertThat(first.next().lastSynced()).isEqualTo(LocalDate.of(2025, 3, 10));
    assertThat(second.next()).isEqualTo(first.next());
    assertThat(first.toSyncResult().cursors())
        .containsExactly(
            SyncCursor.ofDay("yandexdirect", "spend:login", LocalDate.of(2025, 3, 10)));
  }

  @Test
  void aWindowReachingBeforeTheStartBeginsAtTheStart() {
    SpendCursor cursor = new SpendCursor(AdSource.VK_ADS, "", LocalDate.of(2025, 3, 2));

    sync(MOSCOW, null, 7, false).sync(cursor);

    assertThat(asked).containsExactly(new DateRange(START, LocalDate.of(2025, 3, 10)));
  }

  @Test
  void nothingDueReadsNothingAndKeepsTheCursor() {
    SpendCursor cursor = new SpendCursor(AdSource.VK_ADS, "", LocalDate.of(2025, 3, 5));

    SpendSync.Synced synced = sync(MOSCOW, LocalDate.of(2025, 3, 5), 0, false).sync(cursor);

    assertThat(asked).isEmpty();
    assertThat(synced.range()).isEqualTo(Optional.empty());
    assertThat(synced.next()).isEqualTo(cursor);
    assertThat(synced.result().data().spend()).isEmpty();
  }

  @Test
  void theStoredDayCursorOfTheAccountIsFoundAndAnotherAccountStartsAfresh() {
    List<SyncCursor> stored =
        List.of(
            SyncCursor.ofDay("yandexdirect", "spend:old-client", LocalDate.of(2025, 2, 1)),
            SyncCursor.ofDay("yandexdirect", "spend:client", LocalDate.of(2025, 3, 3)));

    assertThat(SpendCursor.from(stored, AdSource.YANDEX_DIRECT, "client").lastSynced())
        .isEqualTo(LocalDate.of(2025, 3, 3));
    assertThat(SpendCursor.from(stored, AdSource.YANDEX_DIRECT, "new-client").lastSynced())
        .isNull();
    assertThat(SpendCursor.start(AdSource.VK_ADS, "").entity()).isEqualTo("spend");
    assertThat(SpendCursor.start(AdSource.VK_ADS, "").toSyncCursor().isInitial()).isTrue();
  }

  @Test
  void aDayCursorIsNeitherInitialNorMovedByRecords() {
    SyncCursor day = SyncCursor.ofDay("vkads", "spend", LocalDate.of(2025, 3, 3));

    assertThat(day.isInitial()).isFalse();
    assertThat(day.position()).isEqualTo("through 2025-03-03");
    assertThat(SyncCursor.initial("vkads", "spend").position()).isEqualTo("(none)");
    assertThatThrownBy(() -> day.advance(Instant.EPOCH, "1"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () -> new SyncCursor("vkads", "spend", Instant.EPOCH, "1", LocalDate.of(2025, 3, 3)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
