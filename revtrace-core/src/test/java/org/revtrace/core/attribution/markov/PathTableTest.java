package org.revtrace.core.attribution.markov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PathTableTest {
  @Test
  void builderAssignsChannelIdsInOrderAndKeepsCounts() {
    PathTable table = Paths.of().add("a > b > a", 2, 5.5, 3).add("c", 0, 0, 1).build();

    assertThat(table.channelNames()).containsExactly("a", "b", "c");
    assertThat(table.pathCount()).isEqualTo(2);
    assertThat(table.stepCount()).isEqualTo(4);
    assertThat(table.path(0)).containsExactly(0, 1, 0);
    assertThat(table.totalConversions()).isEqualTo(2);
    assertThat(table.totalConversionValue()).isEqualTo(5.5);
    assertThat(table.totalNulls()).isEqualTo(4);
  }

  @Test
  void rejectsChannelIdsOutOfRange() {
    assertThatThrownBy(
            () ->
                new PathTable(
                    new String[] {"a"},
                    new int[] {0, 1},
                    new int[] {1},
                    new long[] {1},
                    new double[] {0},
                    new long[] {0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("channel id 1");
  }

  @Test
  void rejectsNegativeCountsEmptyPathsAndLengthMismatches() {
    assertThatThrownBy(
            () ->
                new PathTable(
                    new String[] {"a"},
                    new int[] {0, 1},
                    new int[] {0},
                    new long[] {-1},
                    new double[] {0},
                    new long[] {0}))
        .hasMessageContaining("negative");
    assertThatThrownBy(
            () ->
                new PathTable(
                    new String[] {"a"},
                    new int[] {0, 0},
                    new int[] {},
                    new long[] {1},
                    new double[] {0},
                    new long[] {0}))
        .hasMessageContaining("empty");
    assertThatThrownBy(
            () ->
                new PathTable(
                    new String[] {"a"},
                    new int[] {0, 1},
                    new int[] {0},
                    new long[] {1, 2},
                    new double[] {0},
                    new long[] {0}))
        .hasMessageContaining("lengths disagree");
  }

  @Test
  void concatMergesChannelsByNameInFirstSeenOrder() {
    PathTable first = Paths.of().add("a > b", 1, 2.0, 0).build();
    PathTable second = Paths.of().add("c > a", 0, 0, 3).add("b", 2, 5.0, 1).build();

    PathTable both = PathTable.concat(java.util.List.of(first, second));

    assertThat(both.channelNames()).containsExactly("a", "b", "c");
    assertThat(both.pathCount()).isEqualTo(3);
    assertThat(both.path(0)).containsExactly(0, 1);
    assertThat(both.path(1)).containsExactly(2, 0);
    assertThat(both.path(2)).containsExactly(1);
    assertThat(both.conversions(2)).isEqualTo(2);
    assertThat(both.conversionValue(2)).isEqualTo(5.0);
    assertThat(both.nulls(1)).isEqualTo(3);
  }
}
