package org.revtrace.core.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Type-7 quantiles, ratios and option validation. */
class DurationStatsTest {

  @Test
  void p90OfOneToTenDaysIsNinePointOneDays() {
    long[] days = new long[10];
    for (int i = 0; i < 10; i++) {
      days[i] = (10 - i) * 86_400L;
    }
    DurationStats stats = DurationStats.ofSeconds(days, 10);
    assertThat(stats.median()).isEqualTo(Duration.ofHours(132)); // 5.5 days
    assertThat(stats.p90()).isEqualTo(Duration.ofSeconds(Math.round(9.1 * 86_400)));
    assertThat(stats.mean()).isEqualTo(Duration.ofHours(132));
  }

  @Test
  void aSingleValueIsEveryQuantileAndAnEmptySampleHasNone() {
    assertThat(DurationStats.ofSeconds(new long[] {60}, 1))
        .isEqualTo(
            new DurationStats(
                1, Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(1)));
    assertThat(DurationStats.ofSeconds(new long[0], 0)).isEqualTo(DurationStats.EMPTY);
    assertThat(new Ratio(1, 0).value()).isEmpty();
  }

  @Property(tries = 300)
  void quantilesLieBetweenTheExtremesInOrder(
      @ForAll @Size(min = 1, max = 40) List<@LongRange(min = 0, max = 10_000_000) Long> values) {
    long[] seconds = values.stream().mapToLong(Long::longValue).toArray();
    DurationStats stats = DurationStats.ofSeconds(seconds, seconds.length);
    long min = seconds[0];
    long max = seconds[seconds.length - 1];
    assertThat(stats.median().getSeconds()).isBetween(min, max);
    assertThat(stats.p90()).isGreaterThanOrEqualTo(stats.median());
    assertThat(stats.p90().getSeconds()).isLessThanOrEqualTo(max);
  }

  @Test
  void optionsRejectAmbiguousStages() {
    Instant now = Instant.parse("2025-01-01T00:00:00Z");
    FunnelOptions defaults = FunnelOptions.defaults(now);
    assertThatThrownBy(() -> defaults.withStages(List.of("lead", "Lead", "won"), "lead"))
        .hasMessageContaining("duplicate funnel stage");
    assertThatThrownBy(() -> defaults.withStages(List.of("lead", "lost"), "lead"))
        .hasMessageContaining("lost outcome");
    assertThatThrownBy(() -> defaults.withAliases(Map.of("demo", "pitch")))
        .hasMessageContaining("alias to an unknown stage");
    assertThatThrownBy(() -> defaults.withStuckAfter(Duration.ZERO))
        .hasMessageContaining("stuckAfter");
  }
}
