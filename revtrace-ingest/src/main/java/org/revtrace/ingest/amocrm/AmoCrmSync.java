package org.revtrace.ingest.amocrm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.revtrace.ingest.connect.ApiRecord;
import org.revtrace.ingest.connect.SyncCursor;
import org.revtrace.ingest.connect.SyncResult;
import tools.jackson.databind.JsonNode;

/**
 * One incremental sync of an amoCRM account: reads the pipelines (for status names), then
 * companies, contacts and leads updated at or after their cursors ({@code
 * filter[updated_at][from]}, unix seconds, inclusive), maps them and returns the moved cursors.
 * Without a cursor (the first sync) everything is read.
 */
public final class AmoCrmSync {

  /** The source name in cursors. */
  public static final String SOURCE = "amocrm";

  private final AmoCrmClient client;
  private final AmoCrmMapping mapping;
  private final AmoCrmStatuses statuses;

  public AmoCrmSync(AmoCrmClient client, AmoCrmMapping mapping, AmoCrmStatuses statuses) {
    this.client = client;
    this.mapping = mapping;
    this.statuses = statuses;
  }

  /** Reads what changed since {@code previous} and maps it. */
  public SyncResult sync(List<SyncCursor> previous) {
    AmoCrmStatuses named = statuses.withPipelines(client.one("/api/v4/leads/pipelines"));
    List<SyncCursor> cursors = new ArrayList<>();
    List<JsonNode> companies = read("/api/v4/companies", "companies", null, previous, cursors);
    // Contacts carry _embedded.companies without a "with" (as in the official example).
    List<JsonNode> contacts = read("/api/v4/contacts", "contacts", null, previous, cursors);
    List<JsonNode> leads = read("/api/v4/leads", "leads", "contacts", previous, cursors);
    return new SyncResult(
        mapping.withStatuses(named).map(new AmoCrmExport(leads, contacts, companies)), cursors);
  }

  private List<JsonNode> read(
      String path,
      String entity,
      String with,
      List<SyncCursor> previous,
      List<SyncCursor> cursors) {
    SyncCursor cursor =
        previous.stream()
            .filter(c -> c.source().equals(SOURCE) && c.entity().equals(entity))
            .findFirst()
            .orElse(SyncCursor.initial(SOURCE, entity));
    Map<String, String> params = new LinkedHashMap<>();
    if (with != null) {
      params.put("with", with);
    }
    if (!cursor.isInitial()) {
      params.put("filter[updated_at][from]", Long.toString(cursor.modifiedAt().getEpochSecond()));
    }
    params.put("order[id]", "asc");
    List<JsonNode> records = client.list(path, entity, params);
    SyncCursor moved = cursor;
    for (JsonNode record : records) {
      JsonNode updated = record.get("updated_at");
      Instant time =
          updated != null && updated.canConvertToLong()
              ? Instant.ofEpochSecond(updated.asLong())
              : null;
      moved = moved.advance(time, ApiRecord.text(record.get("id")));
    }
    cursors.add(moved);
    return records;
  }
}
