package org.revtrace.ingest.bitrix24;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.revtrace.ingest.connect.ApiRecord;
import org.revtrace.ingest.connect.SyncCursor;
import org.revtrace.ingest.connect.SyncResult;
import tools.jackson.databind.JsonNode;

/**
 * One incremental sync of a Bitrix24 portal: reads companies, contacts, leads and deals modified at
 * or after their cursors ({@code filter[>=DATE_MODIFY]}) and the deal stage history recorded at or
 * after its cursor ({@code filter[>=CREATED_TIME]}), maps them, and returns the moved cursors.
 * Without a cursor (the first sync) everything is read.
 */
public final class Bitrix24Sync {

  /** The source name in cursors. */
  public static final String SOURCE = "bitrix24";

  private static final DateTimeFormatter FILTER_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx", java.util.Locale.ROOT);

  private final Bitrix24Client client;
  private final Bitrix24Mapping mapping;

  public Bitrix24Sync(Bitrix24Client client, Bitrix24Mapping mapping) {
    this.client = client;
    this.mapping = mapping;
  }

  /**
   * Reads what changed since {@code previous} (cursors of earlier syncs; a missing entity is read
   * in full) and maps it.
   */
  public SyncResult sync(List<SyncCursor> previous) {
    List<SyncCursor> cursors = new ArrayList<>();
    List<JsonNode> companies =
        read("crm.company.list", "DATE_MODIFY", previous, cursors, List.of());
    List<JsonNode> contacts =
        read("crm.contact.list", "DATE_MODIFY", previous, cursors, List.of("EMAIL", "PHONE"));
    List<JsonNode> leads =
        read("crm.lead.list", "DATE_MODIFY", previous, cursors, List.of("EMAIL", "PHONE", "UF_*"));
    List<JsonNode> deals = read("crm.deal.list", "DATE_MODIFY", previous, cursors, List.of("UF_*"));
    List<JsonNode> history = read("crm.stagehistory.list", "CREATED_TIME", previous, cursors, null);
    return new SyncResult(
        mapping.map(new Bitrix24Export(leads, deals, history, contacts, companies)), cursors);
  }

  private List<JsonNode> read(
      String method,
      String timeField,
      List<SyncCursor> previous,
      List<SyncCursor> cursors,
      List<String> extraSelect) {
    SyncCursor cursor =
        previous.stream()
            .filter(c -> c.source().equals(SOURCE) && c.entity().equals(method))
            .findFirst()
            .orElse(SyncCursor.initial(SOURCE, method));
    Map<String, String> params = new LinkedHashMap<>();
    if (extraSelect == null) {
      params.put("entityTypeId", "2"); // 2 = deals in crm.stagehistory.list
    } else {
      params.put("select[]#0", "*");
      for (int i = 0; i < extraSelect.size(); i++) {
        params.put("select[]#" + (i + 1), extraSelect.get(i));
      }
    }
    if (!cursor.isInitial()) {
      params.put("filter[>=" + timeField + "]", filterTime(cursor.modifiedAt()));
    }
    // Paging by start is stable only under a fixed order; ids never change.
    params.put("order[ID]", "ASC");
    List<JsonNode> records = client.list(method, params);
    SyncCursor moved = cursor;
    for (JsonNode record : records) {
      moved = moved.advance(time(record.get(timeField)), ApiRecord.text(record.get("ID")));
    }
    cursors.add(moved);
    return records;
  }

  /** The filter value: ISO-8601 with a {@code +00:00} offset, as Bitrix24 writes its own dates. */
  static String filterTime(Instant time) {
    return OffsetDateTime.ofInstant(time, ZoneOffset.UTC).format(FILTER_TIME);
  }

  private static Instant time(JsonNode value) {
    String text = ApiRecord.text(value);
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (java.time.DateTimeException e) {
      return null; // reported by the mapping
    }
  }
}
