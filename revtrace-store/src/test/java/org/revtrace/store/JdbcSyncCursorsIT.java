package org.revtrace.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class JdbcSyncCursorsIT {

  @Test
  void cursorsAreKeptPerConnectionAndTheNewestReplacesTheStoredOne() {
    DataSource dataSource = SharedDatabase.get().dataSource();
    SharedDatabase.execute(dataSource, "truncate sync_cursors");
    JdbcSyncCursors cursors = new JdbcSyncCursors(dataSource);
    assertThat(cursors.load("crm")).isEmpty();

    Instant first = Instant.parse("2025-03-01T10:00:00Z");
    cursors.save("crm", Map.of("crm.deal.list", "{\"id\":\"1\"}", "crm.lead.list", "{}"), first);
    cursors.save("other", Map.of("crm.deal.list", "{\"id\":\"9\"}"), first);
    cursors.save("crm", Map.of("crm.deal.list", "{\"id\":\"2\"}"), first.plusSeconds(60));

    assertThat(cursors.load("crm"))
        .containsExactly(
            Map.entry("crm.deal.list", "{\"id\":\"2\"}"), Map.entry("crm.lead.list", "{}"));
    assertThat(cursors.load("other")).containsExactly(Map.entry("crm.deal.list", "{\"id\":\"9\"}"));
    assertThat(SharedDatabase.count(dataSource, "sync_cursors")).isEqualTo(3);
  }
}
