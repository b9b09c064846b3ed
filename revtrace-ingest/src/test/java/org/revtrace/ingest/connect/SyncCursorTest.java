package org.revtrace.ingest.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SyncCursorTest {

  private static final Instant T1 = Instant.parse("2024-08-30T12:29:00Z");
  private static final Instant T2 = Instant.parse("2024-08-30T12:30:00Z");

  @Test
  void advancesToTheLatestTimeThenTheGreatestNumericId() {
    SyncCursor cursor = SyncCursor.initial("bitrix24", "crm.deal.list");

    SyncCursor moved =
        cursor
            .advance(T1, "9")
            .advance(T2, "9")
            .advance(T2, "10")
            .advance(T1, "99")
            .advance(T2, "2");

    assertThat(cursor.isInitial()).isTrue();
    assertThat(moved).isEqualTo(new SyncCursor("bitrix24", "crm.deal.list", T2, "10"));
  }

  @Test
  void aRecordWithoutTimeLeavesTheCursor() {
    SyncCursor cursor = SyncCursor.initial("amocrm", "leads").advance(T1, "5");

    assertThat(cursor.advance(null, "6")).isEqualTo(cursor);
  }

  @Test
  void timeAndIdAreSetTogether() {
    assertThatThrownBy(() -> new SyncCursor("amocrm", "leads", T1, null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
