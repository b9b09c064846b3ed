package org.revtrace.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Connections and their sync runs in the embedded PostgreSQL. */
class JdbcConnectionsIT {

  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

  private DataSource dataSource;
  private JdbcConnections connections;
  private JdbcSyncRuns runs;

  @BeforeEach
  void empty() {
    dataSource = SharedDatabase.empty();
    connections = new JdbcConnections(dataSource);
    runs = new JdbcSyncRuns(dataSource);
  }

  private static JdbcConnections.Change crm(Map<String, String> secrets, int every) {
    return new JdbcConnections.Change(
        "crm",
        "bitrix24",
        Map.of("url", "https://example.bitrix24.ru", "user", "1"),
        secrets,
        true,
        every);
  }

  @Test
  void aSavedConnectionComesBackAndAnUpdateKeepsItsCreation() {
    assertThat(connections.list()).isEmpty();
    StoredConnection first = connections.save(crm(Map.of("token", "v1:k:sealed"), 60), "ann", T0);
    assertThat(first.settings())
        .containsExactly(Map.entry("url", "https://example.bitrix24.ru"), Map.entry("user", "1"));
    assertThat(first.secrets()).containsExactly(Map.entry("token", "v1:k:sealed"));
    assertThat(first.createdBy()).isEqualTo("ann");
    assertThat(first.createdAt()).isEqualTo(T0);
    assertThat(first.toString()).doesNotContain("sealed");

    StoredConnection second =
        connections.save(
            new JdbcConnections.Change(
                "crm", "bitrix24", Map.of("url", "https://other.bitrix24.ru"), Map.of(), false, 0),
            "bob",
            T0.plusSeconds(60));
    assertThat(second.settings()).containsExactly(Map.entry("url", "https://other.bitrix24.ru"));
    assertThat(second.secrets()).isEmpty();
    assertThat(second.enabled()).isFalse();
    assertThat(second.syncEveryMinutes()).isZero();
    assertThat(second.createdBy()).isEqualTo("ann");
    assertThat(second.createdAt()).isEqualTo(T0);
    assertThat(second.updatedBy()).isEqualTo("bob");
    assertThat(second.updatedAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(connections.find("crm")).contains(second);
    assertThat(connections.find("other")).isEmpty();
  }

  @Test
  void valuesWithQuotesAndUnicodeSurviveTheJsonColumns() {
    Map<String, String> odd = Map.of("url", "https://x.ru/\"q\"\\<script>", "user", "Пётр");
    connections.save(
        new JdbcConnections.Change("odd", "amocrm", odd, Map.of(), true, 60), "ann", T0);
    assertThat(connections.find("odd").orElseThrow().settings()).isEqualTo(odd);
  }

  @Test
  void aBadNameOrANegativeScheduleIsRefusedByTheTable() {
    assertThatThrownBy(
            () ->
                connections.save(
                    new JdbcConnections.Change("<script>", "amocrm", Map.of(), Map.of(), true, 1),
                    "ann",
                    T0))
        .isInstanceOf(StoreException.class);
    assertThatThrownBy(() -> crm(Map.of(), -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void runsAreKeptNewestFirstAndTheLatestPerConnectionIsListed() {
    connections.save(crm(Map.of(), 60), "ann", T0);
    connections.save(
        new JdbcConnections.Change("sales", "amocrm", Map.of(), Map.of(), true, 60), "ann", T0);
    SharedDatabase.execute(
        dataSource,
        "insert into batches (source, file_name, content_hash) values ('connector:crm', 'crm', 'h')");
    SyncRun ok =
        runs.record(
            SyncRun.ok("crm", SyncRun.Trigger.CLI, null, T0, T0.plusSeconds(5), 12, 11, 1, 1L));
    SyncRun failed =
        runs.record(
            SyncRun.failed(
                "crm",
                SyncRun.Trigger.SCHEDULE,
                null,
                T0.plusSeconds(3600),
                T0.plusSeconds(3601),
                "401 expired_token"));
    runs.record(
        SyncRun.ok("sales", SyncRun.Trigger.MANUAL, "ann", T0, T0.plusSeconds(1), 0, 0, 0, null));

    assertThat(ok.id()).isPositive();
    List<SyncRun> history = runs.history("crm", 10);
    assertThat(history).containsExactly(failed, ok);
    assertThat(history.get(1).batchId()).isEqualTo(1L);
    assertThat(history.get(0).error()).isEqualTo("401 expired_token");
    assertThat(runs.history("crm", 1)).containsExactly(failed);
    assertThat(runs.latest()).containsOnlyKeys("crm", "sales");
    assertThat(runs.latest().get("crm")).isEqualTo(failed);
    assertThat(runs.latest().get("sales").startedBy()).isEqualTo("ann");

    assertThatThrownBy(
            () ->
                runs.record(SyncRun.ok("nobody", SyncRun.Trigger.CLI, null, T0, T0, 0, 0, 0, null)))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(connections.delete("crm")).isTrue();
    assertThat(connections.delete("crm")).isFalse();
    assertThat(runs.history("crm", 10)).isEmpty();
    assertThat(SharedDatabase.count(dataSource, "sync_runs")).isEqualTo(1);
  }

  @Test
  void aSyncLockIsHeldOncePerConnectionUntilClosed() {
    Optional<JdbcSyncRuns.SyncLock> first = runs.tryLock("crm");
    assertThat(first).isPresent();
    assertThat(runs.tryLock("crm")).isEmpty();
    try (JdbcSyncRuns.SyncLock other = runs.tryLock("sales").orElseThrow()) {
      assertThat(other).isNotNull();
    }
    first.orElseThrow().close();
    Optional<JdbcSyncRuns.SyncLock> again = runs.tryLock("crm");
    assertThat(again).isPresent();
    again.orElseThrow().close();
  }
}
