package org.revtrace.ingest.amocrm;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.revtrace.core.model.DealStatus;
import org.revtrace.ingest.connect.ApiRecord;
import tools.jackson.databind.JsonNode;

/**
 * Maps amoCRM lead statuses to Revtrace funnel stages and deal statuses.
 *
 * <p>amoCRM identifies a status by id; its name comes from the pipelines ({@code GET
 * /api/v4/leads/pipelines}, {@link #withPipelines}). The stage is looked up by the status name,
 * case-insensitively: first in the overrides, then in the default map of amoCRM's default pipeline
 * (docs/connectors/crm.md): Неразобранное → lead, Первичный контакт → sql, Переговоры → meeting,
 * Принимают решение → proposal, Согласование договора → negotiation, Успешно реализовано → won,
 * Закрыто и не реализовано → lost. A name in neither passes through unchanged (the funnel reports
 * it as unmapped), and a status id missing from the pipelines passes through as its number.
 *
 * <p>Status: the system statuses shared by every pipeline decide it — 142 is won, 143 is lost; any
 * other status is open. They map to the {@code won} and {@code lost} stages whatever their names.
 */
public final class AmoCrmStatuses {

  /** amoCRM's id of "successfully realised" in every pipeline. */
  public static final long WON = 142;

  /** amoCRM's id of "closed and not realised" in every pipeline. */
  public static final long LOST = 143;

  private static final Map<String, String> DEFAULTS =
      Map.of(
          "неразобранное", "lead",
          "первичный контакт", "sql",
          "переговоры", "meeting",
          "принимают решение", "proposal",
          "согласование договора", "negotiation",
          "успешно реализовано", "won",
          "закрыто и не реализовано", "lost");

  private final Map<String, String> stagesByName;
  private final Map<Long, String> namesById;

  private AmoCrmStatuses(Map<String, String> stagesByName, Map<Long, String> namesById) {
    this.stagesByName = Map.copyOf(stagesByName);
    this.namesById = Map.copyOf(namesById);
  }

  /** The default name map, no pipelines yet. */
  public static AmoCrmStatuses defaults() {
    return new AmoCrmStatuses(DEFAULTS, Map.of());
  }

  /** This map with {@code overrides} (status name → funnel stage) taking precedence. */
  public AmoCrmStatuses withOverrides(Map<String, String> overrides) {
    Map<String, String> merged = new HashMap<>(stagesByName);
    overrides.forEach((name, stage) -> merged.put(key(name), stage.strip()));
    return new AmoCrmStatuses(merged, namesById);
  }

  /** This map with the status names of a {@code /api/v4/leads/pipelines} answer. */
  public AmoCrmStatuses withPipelines(JsonNode answer) {
    Map<Long, String> names = new HashMap<>(namesById);
    if (answer != null) {
      for (JsonNode pipeline : answer.path("_embedded").path("pipelines")) {
        for (JsonNode status : pipeline.path("_embedded").path("statuses")) {
          String name = ApiRecord.text(status.get("name"));
          if (status.path("id").canConvertToLong() && name != null) {
            names.put(status.path("id").asLong(), name);
          }
        }
      }
    }
    return new AmoCrmStatuses(stagesByName, names);
  }

  /** The funnel stage of a status id. */
  public String stage(long statusId) {
    if (statusId == WON) {
      return "won";
    }
    if (statusId == LOST) {
      return "lost";
    }
    String name = namesById.get(statusId);
    if (name == null) {
      return Long.toString(statusId);
    }
    return stagesByName.getOrDefault(key(name), name);
  }

  /** Won for 142, lost for 143, else open. */
  public static DealStatus status(long statusId) {
    if (statusId == WON) {
      return DealStatus.WON;
    }
    return statusId == LOST ? DealStatus.LOST : DealStatus.OPEN;
  }

  private static String key(String name) {
    return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
