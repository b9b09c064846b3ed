package org.revtrace.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.revtrace.core.model.TouchType;
import org.revtrace.core.model.TrackedEvent;
import org.revtrace.core.model.Utm;

class JdbcEventLogIT {

  @Test
  void eventsAreStoredOnceInOrderWithEveryField() {
    DataSource dataSource = SharedDatabase.get().dataSource();
    SharedDatabase.execute(dataSource, "truncate tracker_events restart identity");
    JdbcEventLog log = new JdbcEventLog(dataSource);
    TrackedEvent first =
        new TrackedEvent(
            "e1",
            Instant.parse("2025-03-01T10:00:00Z"),
            "v1",
            TouchType.VISIT,
            "https://example.com/pricing?utm_source=yandex",
            "https://ya.ru/",
            new Utm("yandex", "cpc", "brand", null, "crm система"),
            "abc123",
            "yclid");
    TrackedEvent second =
        new TrackedEvent(
            "e2",
            Instant.parse("2025-03-01T10:01:00Z"),
            "v1",
            TouchType.FORM,
            "https://example.com/demo",
            null,
            Utm.NONE,
            null,
            null);

    assertThat(log.append(List.of(first, second))).isEqualTo(2);
    assertThat(log.append(List.of(second))).as("a resent event").isZero();
    assertThat(log.all()).containsExactly(first, second);
    assertThat(log.lastSequence()).isEqualTo(2);
  }

  @Test
  void aLargeBatchIsOneStatement() {
    DataSource dataSource = SharedDatabase.get().dataSource();
    SharedDatabase.execute(dataSource, "truncate tracker_events restart identity");
    List<TrackedEvent> events = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      events.add(
          new TrackedEvent(
              "big-" + i,
              Instant.parse("2025-03-01T10:00:00Z").plusSeconds(i),
              "v" + (i % 100),
              TouchType.VISIT,
              "https://example.com/" + i,
              null,
              null,
              null,
              null));
    }

    assertThat(new JdbcEventLog(dataSource).append(events)).isEqualTo(5_000);
    assertThat(SharedDatabase.count(dataSource, "tracker_events")).isEqualTo(5_000);
  }
}
