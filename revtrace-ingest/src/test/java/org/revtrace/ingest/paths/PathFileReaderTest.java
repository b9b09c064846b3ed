package org.revtrace.ingest.paths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.revtrace.core.attribution.markov.MarkovAttribution;
import org.revtrace.core.attribution.markov.MarkovResult;
import org.revtrace.core.attribution.markov.PathTable;
import org.revtrace.core.model.ErrorCode;
import org.revtrace.core.model.RowError;

class PathFileReaderTest {
  @Test
  void readsTheAnalyzecoreToyAndAttributesIt() throws IOException {
    PathFileResult read =
        PathFileReader.read(SharedData.channelAttribution("toy_analyzecore_2016.csv"));

    assertThat(read.errors()).isEmpty();
    PathTable paths = read.paths();
    assertThat(paths.channelNames()).containsExactly("c1", "c2", "c3");
    assertThat(paths.pathCount()).isEqualTo(3);
    assertThat(paths.path(0)).containsExactly(0, 1, 2);
    assertThat(paths.totalConversions()).isEqualTo(1);
    assertThat(paths.totalNulls()).isEqualTo(2);
    assertThat(paths.totalConversionValue()).isZero();
    // Hand computation in MarkovAttributionTest: RE = 1/2, 1, 1 of sum 5/2.
    MarkovResult result = MarkovAttribution.compute(paths, 1, true);
    assertThat(result.shares()).containsExactly(new double[] {0.2, 0.4, 0.4}, within(1e-12));
  }

  @Test
  void readsThePuzyrovToyAndAttributesIt() throws IOException {
    PathFileResult read =
        PathFileReader.read(SharedData.channelAttribution("toy_serhiipuzyrov_2019.csv"));

    assertThat(read.errors()).isEmpty();
    assertThat(read.paths().channelNames()).containsExactly("google ads", "mailing");
    // Hand computation in MarkovAttributionTest: P = 4/5, RE(g) = 3/4, RE(m) = 1/2.
    MarkovResult result = MarkovAttribution.compute(read.paths(), 1, true);
    assertThat(result.conversionProbability()).isCloseTo(0.8, within(1e-12));
    assertThat(result.attributedConversions())
        .containsExactly(new double[] {2.4, 1.6}, within(1e-12));
  }

  @Test
  void keepsGoodLinesAndReportsBadOnesWithLineNumbers() throws IOException {
    String text =
        String.join(
            "\n",
            "path;total_conversions;total_conversion_value;total_null",
            "a > b;1;2.5;3",
            "a > b;1;2.5",
            "b;x;1;0",
            "b;-2;1;0",
            ";1;1;0",
            "a >  > b;1;1;0",
            "b;1;1.5;4",
            "b;1;abc;0",
            "a;1;-1;0",
            "a;1;1;0;7",
            "a;1;1;0.5",
            "",
            "c ;0;0;2");

    PathFileResult read = read(text);

    assertThat(read.errors())
        .extracting(RowError::line, RowError::field, RowError::code, RowError::message)
        .containsExactly(
            tuple(
                3L,
                "total_null",
                ErrorCode.RAGGED_ROW,
                "missing field: 3 fields, the header has 4"),
            tuple(4L, "total_conversions", ErrorCode.BAD_NUMBER, "not a whole number"),
            tuple(5L, "total_conversions", ErrorCode.NEGATIVE_VALUE, "negative count"),
            tuple(6L, "path", ErrorCode.MISSING_VALUE, "empty path"),
            tuple(7L, "path", ErrorCode.BAD_VALUE, "empty channel name in the path"),
            tuple(9L, "total_conversion_value", ErrorCode.BAD_NUMBER, "not a number"),
            tuple(
                10L,
                "total_conversion_value",
                ErrorCode.NEGATIVE_VALUE,
                "negative conversion value"),
            tuple(
                11L,
                "total_null",
                ErrorCode.RAGGED_ROW,
                "extra field: more fields than the 4 of the header"),
            tuple(12L, "total_null", ErrorCode.BAD_NUMBER, "not a whole number"));
    assertThat(read.errors().get(1).raw()).isEqualTo("b;x;1;0");
    assertThat(read.errors()).allSatisfy(e -> assertThat(e.file()).isEqualTo("test.csv"));
    PathTable paths = read.paths();
    assertThat(paths.pathCount()).isEqualTo(3);
    assertThat(paths.channelNames()).containsExactly("a", "b", "c");
    assertThat(paths.totalConversions()).isEqualTo(2);
    assertThat(paths.totalConversionValue()).isEqualTo(4.0);
    assertThat(paths.totalNulls()).isEqualTo(9);
  }

  @Test
  void cutsTheRawTextOfABadLineTo200Characters() throws IOException {
    String longPath = "a > ".repeat(100) + "a";
    String header = "path;total_conversions;" + "x".repeat(300);

    PathFileResult read = read(header + "\n" + longPath + ";-1;0\n");

    assertThat(read.errors())
        .extracting(RowError::code, RowError::raw)
        .containsExactly(tuple(ErrorCode.NEGATIVE_VALUE, longPath.substring(0, 200)));
    assertThat(read("path;" + "x".repeat(300) + "\n").errors())
        .extracting(RowError::code, RowError::raw)
        .containsExactly(
            tuple(ErrorCode.MISSING_COLUMN, ("path;" + "x".repeat(300)).substring(0, 200)));
  }

  @Test
  void detectsColumnsSeparatorBomAndCarriageReturns() throws IOException {
    String text = "\uFEFFtotal_null, Path ,extra,total_conversions\r\n2,x > y,ignored,3.0\r\n";

    PathFileResult read = read(text);

    assertThat(read.errors()).isEmpty();
    assertThat(read.paths().channelNames()).containsExactly("x", "y");
    assertThat(read.paths().conversions(0)).isEqualTo(3);
    assertThat(read.paths().nulls(0)).isEqualTo(2);
    assertThat(read.paths().conversionValue(0)).isZero();
  }

  @Test
  void reportsAMissingHeaderOrRequiredColumn() throws IOException {
    assertThat(read("").errors())
        .extracting(RowError::line, RowError::field, RowError::code, RowError::message)
        .containsExactly(tuple(1L, "header", ErrorCode.EMPTY_FILE, "the file has no header row"));
    PathFileResult noConversions = read("path;total_null\na;1\n");
    assertThat(noConversions.errors())
        .extracting(RowError::line, RowError::field, RowError::code, RowError::message)
        .containsExactly(
            tuple(
                1L,
                "total_conversions",
                ErrorCode.MISSING_COLUMN,
                "missing required column total_conversions"));
    assertThat(noConversions.errors().get(0).raw()).isEqualTo("path;total_null");
    assertThat(noConversions.paths().pathCount()).isZero();
  }

  @Test
  void readsLinesAcrossChunkBoundariesAndLongerThanAChunk() throws IOException {
    StringBuilder text = new StringBuilder("path;total_conversions;total_null\n");
    int lines = 300_000;
    for (int i = 0; i < lines; i++) {
      text.append("alpha > beta > gamma").append(';').append(i % 3).append(";1\n");
    }
    String longPath = "delta > ".repeat(300_000) + "delta"; // ~2.4 MB on one line
    text.append(longPath).append(";1;0"); // and no final newline

    PathFileResult read = read(text.toString());

    assertThat(read.errors()).isEmpty();
    assertThat(read.paths().pathCount()).isEqualTo(lines + 1);
    assertThat(read.paths().path(lines)).hasSize(300_001);
    assertThat(read.paths().totalConversions()).isEqualTo(lines + 1);
    assertThat(read.paths().totalNulls()).isEqualTo(lines);
  }

  @Test
  void distinguishesLongNamesSharingTheirFirstEightBytes() throws IOException {
    String text =
        "path;total_conversions;total_null\n"
            + "google ads > google adwords >  abcdefgh > abcdefghi>a b;1;0\n"
            + "google adwords>google ads> a b  ;0;1\n";

    PathTable paths = read(text).paths();

    assertThat(paths.channelNames())
        .containsExactly("google ads", "google adwords", "abcdefgh", "abcdefghi", "a b");
    assertThat(paths.path(1)).containsExactly(1, 0, 4);
  }

  @Test
  void valuesParseLikeDoubleParseDouble() throws IOException {
    String[] values = {"0.244", "3.195", "2.4019999999999997", "1e3", "0.1", "123456789.123456789"};
    StringBuilder text = new StringBuilder("path;total_conversions;total_conversion_value\n");
    for (String value : values) {
      text.append("a;1;").append(value).append('\n');
    }

    PathTable paths = read(text.toString()).paths();

    for (int i = 0; i < values.length; i++) {
      assertThat(paths.conversionValue(i)).isEqualTo(Double.parseDouble(values[i]));
    }
  }

  @Test
  void parallelReadOfALargeFileEqualsTheSequentialRead(@TempDir Path folder) throws IOException {
    StringBuilder text =
        new StringBuilder("path;total_conversions;total_conversion_value;total_null\n");
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    String[] names = {"alpha", "beta", "gamma", "a very long channel name", "d"};
    for (int line = 2; text.length() < 12 << 20; line++) {
      if (line % 50_000 == 0) {
        text.append("broken;line\n");
        continue;
      }
      int length = 1 + random.nextInt(12);
      for (int i = 0; i < length; i++) {
        text.append(i == 0 ? "" : " > ").append(names[random.nextInt(line < 100_000 ? 4 : 5)]);
      }
      text.append(';').append(random.nextInt(3)).append(';').append(random.nextInt(1000) / 10.0);
      text.append(';').append(random.nextInt(5)).append('\n');
    }
    Path file = folder.resolve("large.csv");
    Files.writeString(file, text);

    PathFileResult parallel = PathFileReader.read(file);
    PathFileResult sequential;
    try (var in = Files.newInputStream(file)) {
      sequential = PathFileReader.read(in, "large.csv");
    }

    assertThat(parallel.errors()).isEqualTo(sequential.errors()).isNotEmpty();
    assertThat(parallel.errors().get(0).line()).isEqualTo(50_000);
    PathTable a = parallel.paths();
    PathTable b = sequential.paths();
    assertThat(a.channelNames()).isEqualTo(b.channelNames());
    assertThat(a.pathCount()).isEqualTo(b.pathCount());
    for (int p = 0; p < a.pathCount(); p++) {
      assertThat(a.path(p)).isEqualTo(b.path(p));
      assertThat(a.conversions(p)).isEqualTo(b.conversions(p));
      assertThat(a.conversionValue(p)).isEqualTo(b.conversionValue(p));
      assertThat(a.nulls(p)).isEqualTo(b.nulls(p));
    }
  }

  private static PathFileResult read(String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return PathFileReader.read(new ByteArrayInputStream(bytes), "test.csv");
  }
}
