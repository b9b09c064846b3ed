package org.revtrace.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's in-memory reports: one copy of the data per currency, a few currencies at most. */
class LoadedReportsTest {

  @TempDir Path dir;

  @Test
  void keepsAtMostFourCurrencies() throws IOException {
    Files.writeString(dir.resolve("spend.csv"), "date,channel,cost\n2025-03-01,vk,100.00\n");
    LoadedReports reports = LoadedReports.load(dir, "RUB");
    for (String currency : new String[] {"USD", "EUR", "KZT", "RUB"}) {
      assertThat(reports.json(ReportOptions.json(null, null, null, null, currency, null)))
          .contains("\"currency\" : \"" + currency + "\"");
    }
    assertThatThrownBy(() -> reports.json(ReportOptions.json(null, null, null, null, "GBP", null)))
        .isInstanceOf(BadArgument.class)
        .hasMessageContaining("at most 4 reporting currencies");
  }
}
