package org.revtrace.app.web.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.revtrace.app.connect.ConnectorSource;
import org.revtrace.app.connect.StoredConnections;
import org.revtrace.store.SyncRun;

/** Which connections the schedule starts, at explicit instants. */
class SyncScheduleTest {

  private static final Instant CREATED = Instant.parse("2025-03-01T10:00:00Z");

  private static StoredConnections.Listing connection(String name, boolean enabled, int every) {
    return new StoredConnections.Listing(
        name,
        ConnectorSource.BITRIX24,
        Map.of("url", "https://example.bitrix24.ru"),
        Set.of("token"),
        enabled,
        every,
        CREATED,
        "ann",
        CREATED,
        "ann");
  }

  private static SyncRun failedAt(String name, Instant started) {
    return SyncRun.failed(
        name, SyncRun.Trigger.SCHEDULE, null, started, started.plusSeconds(2), "401");
  }

  private static Instant at(int minutes) {
    return CREATED.plus(Duration.ofMinutes(minutes));
  }

  @Test
  void aConnectionIsDueNMinutesAfterItWasStoredOrItsLastRunStarted() {
    List<StoredConnections.Listing> connections =
        List.of(
            connection("hourly", true, 60),
            connection("quarter", true, 15),
            connection("manual", true, 0),
            connection("disabled", false, 15));

    assertThat(SyncSchedule.due(connections, Map.of(), at(14))).isEmpty();
    assertThat(SyncSchedule.due(connections, Map.of(), at(15))).containsExactly("quarter");
    assertThat(SyncSchedule.due(connections, Map.of(), at(60)))
        .containsExactly("hourly", "quarter");
    assertThat(SyncSchedule.due(connections, Map.of(), at(100_000)))
        .doesNotContain("manual", "disabled");
  }

  @Test
  void aFailedRunWaitsAWholeIntervalBeforeTheNextTry() {
    List<StoredConnections.Listing> connections = List.of(connection("hourly", true, 60));
    Map<String, SyncRun> failed = Map.of("hourly", failedAt("hourly", at(60)));

    assertThat(SyncSchedule.due(connections, failed, at(61))).isEmpty();
    assertThat(SyncSchedule.due(connections, failed, at(119))).isEmpty();
    assertThat(SyncSchedule.due(connections, failed, at(120))).containsExactly("hourly");
  }
}
