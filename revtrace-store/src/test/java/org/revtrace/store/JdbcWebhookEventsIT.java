package org.revtrace.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revtrace.store.JdbcWebhookEvents.NewEvent;
import org.revtrace.store.JdbcWebhookEvents.Pending;

class JdbcWebhookEventsIT {

  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

  private DataSource dataSource;
  private JdbcWebhookEvents events;

  @BeforeEach
  void empty() {
    dataSource = SharedDatabase.empty();
    events = new JdbcWebhookEvents(dataSource);
  }

  private static NewEvent deal(String connection, String id, String action, String dedupe) {
    return new NewEvent(
        "bitrix24",
        connection,
        "deal",
        id,
        action,
        "ONCRMDEAL" + action.toUpperCase(java.util.Locale.ROOT),
        T0,
        dedupe);
  }

  @Test
  void aRedeliveryIsCountedAsRepeatedAndStoredOnce() {
    NewEvent update = deal("crm", "759", "update", "ts:1736405807");
    assertThat(events.record(List.of(update), T0)).isEqualTo(new JdbcWebhookEvents.Recorded(1, 0));
    assertThat(events.record(List.of(update), T0.plusSeconds(5)))
        .isEqualTo(new JdbcWebhookEvents.Recorded(0, 1));
    // The same key twice in one delivery, and a later change of the same deal.
    assertThat(
            events.record(
                List.of(
                    deal("crm", "759", "update", "ts:1736405808"),
                    deal("crm", "759", "update", "ts:1736405808")),
                T0.plusSeconds(6)))
        .isEqualTo(new JdbcWebhookEvents.Recorded(1, 1));
    // The same key on another connection is another event.
    assertThat(events.record(List.of(deal("other", "759", "update", "ts:1736405807")), T0))
        .isEqualTo(new JdbcWebhookEvents.Recorded(1, 0));

    assertThat(SharedDatabase.count(dataSource, "webhook_events")).isEqualTo(3);
  }

  @Test
  void pendingEventsAreSummedPerConnectionAndMarkedAppliedUpToAnId() {
    events.record(List.of(deal("crm", "1", "update", "ts:1")), T0);
    events.record(List.of(deal("crm", "2", "delete", "ts:2")), T0.plusSeconds(3));
    events.record(List.of(deal("gone", "3", "delete", "ts:3")), T0.plusSeconds(4));

    List<Pending> pending = events.pending();
    assertThat(pending).extracting(Pending::connection).containsExactly("crm", "gone");
    Pending crm = pending.get(0);
    assertThat(crm.count()).isEqualTo(2);
    assertThat(crm.firstReceivedAt()).isEqualTo(T0);
    assertThat(crm.lastReceivedAt()).isEqualTo(T0.plusSeconds(3));
    assertThat(crm.nextAttemptAt()).isNull();
    assertThat(crm.onlyDeletions()).isFalse();
    assertThat(pending.get(1).onlyDeletions()).isTrue();

    // An event arriving while the sync runs is after the sync's last id: it stays pending.
    events.record(List.of(deal("crm", "4", "add", "ts:4")), T0.plusSeconds(5));
    assertThat(
            events.markApplied("crm", crm.lastId(), T0.plusSeconds(9), null, "nothing new", "kept"))
        .isEqualTo(2);

    assertThat(events.pending())
        .filteredOn(p -> p.connection().equals("crm"))
        .singleElement()
        .satisfies(p -> assertThat(p.count()).isEqualTo(1));
    assertThat(events.recent("crm", false, 10))
        .extracting(JdbcWebhookEvents.StoredEvent::state)
        .containsExactly("pending", "applied", "applied");
    assertThat(events.recent("crm", false, 10))
        .extracting(JdbcWebhookEvents.StoredEvent::outcome)
        .containsExactly(null, "kept", "nothing new");
    assertThat(events.recent(null, true, 10))
        .extracting(e -> e.connection() + "/" + e.entityId())
        .containsExactly("gone/3", "crm/2");
  }

  @Test
  void aFailureKeepsTheEventsPendingWithTheErrorAndTheNextTry() {
    events.record(List.of(deal("crm", "1", "update", "ts:1")), T0);
    long last = events.pending().get(0).lastId();
    events.markFailed("crm", last, "crm.deal.list answered 401", T0.plusSeconds(30));
    events.markFailed("crm", last, "crm.deal.list answered 401", T0.plusSeconds(90));

    Pending pending = events.pending().get(0);
    assertThat(pending.attempts()).isEqualTo(2);
    assertThat(pending.nextAttemptAt()).isEqualTo(T0.plusSeconds(90));
    JdbcWebhookEvents.StoredEvent stored = events.recent("crm", false, 1).get(0);
    assertThat(stored.state()).isEqualTo("failed");
    assertThat(stored.lastError()).isEqualTo("crm.deal.list answered 401");

    events.markApplied("crm", last, T0.plusSeconds(100), null, "synced", "kept");
    assertThat(events.pending()).isEmpty();
    assertThat(events.recent("crm", false, 1).get(0).state()).isEqualTo("applied");
  }

  @Test
  void oneHolderOfAConnectionsLockAtATime() throws Exception {
    Optional<AutoCloseable> first = events.tryLock("crm");
    assertThat(first).isPresent();
    assertThat(events.tryLock("crm")).isEmpty();
    Optional<AutoCloseable> other = events.tryLock("other");
    assertThat(other).isPresent();
    first.get().close();
    Optional<AutoCloseable> again = events.tryLock("crm");
    assertThat(again).isPresent();
    again.get().close();
    other.get().close();
  }
}
