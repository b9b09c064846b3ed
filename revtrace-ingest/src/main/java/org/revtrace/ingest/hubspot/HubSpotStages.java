package org.revtrace.ingest.hubspot;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.revtrace.core.model.DealStatus;
import org.revtrace.ingest.connect.ApiRecord;
import tools.jackson.databind.JsonNode;

/**
 * HubSpot deal stages: their labels and closed/won metadata from the pipelines ({@code GET
 * /crm/v3/pipelines/deals}, {@link #withPipelines}), and the funnel stage each maps to.
 *
 * <p>Status of a stage, from its metadata as HubSpot defines "closed won" and "closed lost": {@code
 * isClosed} false → open; {@code isClosed} true with {@code probability} 1.0 → won; {@code
 * isClosed} true with any lower probability (HubSpot's closed-lost stages have 0.0) → lost. A stage
 * missing from the pipelines (deleted, or the pipelines not read) falls back to the deal's own
 * {@code hs_is_closed_won} / {@code hs_is_closed} properties, then to the default stage ids {@code
 * closedwon} and {@code closedlost}, else open.
 *
 * <p>Funnel stage, the first that applies: an override by stage id, an override by label (case- and
 * space-insensitive), the default map of HubSpot's default sales pipeline (appointmentscheduled →
 * meeting, qualifiedtobuy → sql, presentationscheduled → proposal, decisionmakerboughtin →
 * proposal, contractsent → negotiation, closedwon → won, closedlost → lost), {@code won}/{@code
 * lost} for any closed stage, else the stage's label (or id) unchanged, which the funnel lists as
 * unmapped.
 */
public final class HubSpotStages {

  private static final Map<String, String> DEFAULTS =
      Map.of(
          "appointmentscheduled", "meeting",
          "qualifiedtobuy", "sql",
          "presentationscheduled", "proposal",
          "decisionmakerboughtin", "proposal",
          "contractsent", "negotiation",
          "closedwon", "won",
          "closedlost", "lost");

  /** One stage of a pipeline: label and closing metadata (null when not given). */
  record Stage(String label, Boolean closed, BigDecimal probability) {}

  private final Map<String, String> overrides;
  private final Map<String, Stage> stages;

  private HubSpotStages(Map<String, String> overrides, Map<String, Stage> stages) {
    this.overrides = Map.copyOf(overrides);
    this.stages = Map.copyOf(stages);
  }

  /** The default map, no pipelines yet. */
  public static HubSpotStages defaults() {
    return new HubSpotStages(Map.of(), Map.of());
  }

  /** This map with {@code overrides} (stage id or label → funnel stage) taking precedence. */
  public HubSpotStages withOverrides(Map<String, String> more) {
    Map<String, String> merged = new HashMap<>(overrides);
    more.forEach((key, stage) -> merged.put(key(key), stage.strip()));
    return new HubSpotStages(merged, stages);
  }

  /** This map with the stages of a {@code /crm/v3/pipelines/deals} answer. */
  public HubSpotStages withPipelines(JsonNode answer) {
    Map<String, Stage> read = new HashMap<>(stages);
    if (answer != null) {
      for (JsonNode pipeline : answer.path("results")) {
        for (JsonNode stage : pipeline.path("stages")) {
          String id = ApiRecord.text(stage.get("id"));
          if (id == null) {
            continue;
          }
          JsonNode metadata = stage.path("metadata");
          String closed = ApiRecord.text(metadata.get("isClosed"));
          read.put(
              id,
              new Stage(
                  ApiRecord.text(stage.get("label")),
                  closed == null ? null : Boolean.parseBoolean(closed),
                  decimal(ApiRecord.text(metadata.get("probability")))));
        }
      }
    }
    return new HubSpotStages(overrides, read);
  }

  /** The number of stages known from pipelines. */
  int size() {
    return stages.size();
  }

  /**
   * The status of a deal in {@code stageId}.
   *
   * @param closedWon the deal's {@code hs_is_closed_won} (null when absent)
   * @param closed the deal's {@code hs_is_closed} (null when absent)
   */
  public DealStatus status(String stageId, String closedWon, String closed) {
    Stage stage = stageId == null ? null : stages.get(stageId);
    if (stage != null && stage.closed() != null) {
      if (!stage.closed()) {
        return DealStatus.OPEN;
      }
      return stage.probability() != null && stage.probability().compareTo(BigDecimal.ONE) >= 0
          ? DealStatus.WON
          : DealStatus.LOST;
    }
    if (closedWon != null || closed != null) {
      if (Boolean.parseBoolean(closedWon)) {
        return DealStatus.WON;
      }
      return Boolean.parseBoolean(closed) ? DealStatus.LOST : DealStatus.OPEN;
    }
    if ("closedwon".equals(stageId)) {
      return DealStatus.WON;
    }
    return "closedlost".equals(stageId) ? DealStatus.LOST : DealStatus.OPEN;
  }

  /** The funnel stage of {@code stageId} (null for null), as the class describes. */
  public String stage(String stageId, DealStatus status) {
    if (stageId == null) {
      return null;
    }
    Stage stage = stages.get(stageId);
    String label = stage == null ? null : stage.label();
    String byId = overrides.get(key(stageId));
    if (byId != null) {
      return byId;
    }
    if (label != null && overrides.containsKey(key(label))) {
      return overrides.get(key(label));
    }
    String known = DEFAULTS.get(stageId);
    if (known != null) {
      return known;
    }
    return switch (status) {
      case WON -> "won";
      case LOST -> "lost";
      case OPEN -> label != null ? label : stageId;
    };
  }

  private static BigDecimal decimal(String text) {
    if (text == null) {
      return null;
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String key(String name) {
    return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
