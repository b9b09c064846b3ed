package org.revtrace.app.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.revtrace.app.report.TextTable;
import org.revtrace.core.attribution.Attribution;
import org.revtrace.core.attribution.AttributionModels;
import org.revtrace.core.attribution.HalfLife;
import org.revtrace.core.attribution.ModelName;
import org.revtrace.core.attribution.ModelSettings;
import org.revtrace.core.attribution.ShapleySettings;
import org.revtrace.core.dataset.Dataset;
import org.revtrace.core.journey.Goal;
import org.revtrace.core.journey.JourneyBuilder;
import org.revtrace.core.journey.JourneyLevel;
import org.revtrace.core.journey.JourneyOptions;
import org.revtrace.core.journey.Journeys;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scores every attribution model against the effects planted in the demo data.
 *
 * <p>The truth is {@code true_share} of ground_truth.json: each channel's share of the expected
 * loss of won accounts if the channel were removed. A model's shares are its credited won deals per
 * channel over all won deals, on account-level journeys (the truth is per account) with a lookback
 * covering the whole data. The score is the total-variation distance ½ Σ |model − truth| over all
 * channels: 0 is perfect, 1 is disjoint.
 */
public final class TruthComparison {

  /** One model's distance from the truth and its shares by channel. */
  public record Score(String model, double distance, Map<String, Double> shares) {}

  private TruthComparison() {}

  /** Reads {@code true_share} per channel from a demo folder's ground_truth.json. */
  public static Map<String, Double> readTruth(Path demoDir) throws IOException {
    JsonNode root =
        JsonMapper.builder()
            .build()
            .readTree(Files.readString(demoDir.resolve(GroundTruth.FILE_NAME)));
    Map<String, Double> truth = new HashMap<>();
    for (JsonNode channel : root.get("channels")) {
      truth.put(channel.get("channel").asString(), channel.get("true_share").asDouble());
    }
    return truth;
  }

  /** Scores every model, best first. */
  public static List<Score> score(Dataset dataset, Map<String, Double> truth) {
    JourneyOptions options =
        JourneyOptions.of(Goal.WON)
            .withLevel(JourneyLevel.ACCOUNT)
            .withLookback(Duration.ofDays(100 * 365));
    Journeys converting = JourneyBuilder.build(dataset, options);
    Journeys withNulls = JourneyBuilder.build(dataset, options.withNonConverting(true));
    Duration halfLife = HalfLife.fromSalesCycle(dataset);
    List<Score> scores = new ArrayList<>();
    for (ModelName name : ModelName.values()) {
      scores.add(
          score(
              name, name.code(), ModelSettings.defaults(), converting, withNulls, halfLife, truth));
    }
    // The conversion-rate Shapley is the variant closest in spirit to the truth (incremental lift);
    // it is shown too, so its accuracy on sparsely observed coalitions can be judged.
    ModelSettings byRate =
        ModelSettings.defaults()
            .withShapley(
                new ShapleySettings(
                    ShapleySettings.ValueFunction.CONVERSION_RATE,
                    ShapleySettings.Method.EXACT,
                    2_000,
                    1));
    scores.add(
        score(ModelName.SHAPLEY, "shapley (rate)", byRate, converting, withNulls, halfLife, truth));
    scores.sort(Comparator.comparingDouble(Score::distance));
    return scores;
  }

  private static Score score(
      ModelName name,
      String label,
      ModelSettings settings,
      Journeys converting,
      Journeys withNulls,
      Duration halfLife,
      Map<String, Double> truth) {
    Journeys journeys = settings.needsNonConverting(name) ? withNulls : converting;
    Attribution attribution =
        AttributionModels.create(name, settings, halfLife).attribute(journeys);
    Map<String, Double> shares = new HashMap<>();
    for (int c = 0; c < journeys.channels().size(); c++) {
      double credit = attribution.channelConversions(c);
      if (credit > 0) {
        shares.put(journeys.channels().decode(c), credit / attribution.conversions());
      }
    }
    return new Score(label, distance(shares, truth), shares);
  }

  static double distance(Map<String, Double> shares, Map<String, Double> truth) {
    Set<String> channels = new HashSet<>(shares.keySet());
    channels.addAll(truth.keySet());
    double sum = 0;
    for (String channel : channels) {
      sum += Math.abs(shares.getOrDefault(channel, 0.0) - truth.getOrDefault(channel, 0.0));
    }
    return sum / 2;
  }

  /** A small table: model, distance, and the shares of the planted strongest channels. */
  public static String table(List<Score> scores, Map<String, Double> truth) {
    List<String> top =
        truth.entrySet().stream()
            .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
            .limit(4)
            .map(Map.Entry::getKey)
            .toList();
    List<String> header = new ArrayList<>(List.of("model", "distance"));
    header.addAll(top);
    TextTable table = new TextTable(header);
    List<String> truthRow = new ArrayList<>(List.of("truth", ""));
    top.forEach(channel -> truthRow.add(String.format(Locale.ROOT, "%.3f", truth.get(channel))));
    table.add(truthRow);
    for (Score score : scores) {
      List<String> row =
          new ArrayList<>(
              List.of(score.model(), String.format(Locale.ROOT, "%.3f", score.distance())));
      top.forEach(
          channel ->
              row.add(
                  String.format(Locale.ROOT, "%.3f", score.shares().getOrDefault(channel, 0.0))));
      table.add(row);
    }
    StringBuilder out = new StringBuilder();
    out.append(
        "Attribution vs planted truth (won deals, account journeys; distance = ½ Σ |model − truth|)\n");
    out.append(table.render(false));
    return out.toString();
  }
}
