package org.revtrace.ingest.connect;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.revtrace.core.model.Account;
import org.revtrace.core.model.CanonicalData;
import org.revtrace.core.model.Contact;
import org.revtrace.core.model.Deal;
import org.revtrace.core.model.ErrorCode;
import org.revtrace.core.model.Lead;
import org.revtrace.core.model.RowError;
import org.revtrace.core.model.StageChange;
import org.revtrace.core.model.Touchpoint;
import org.revtrace.ingest.canonical.FileStats;
import org.revtrace.ingest.canonical.ImportResult;
import tools.jackson.databind.JsonNode;

/**
 * Collects the canonical records a connector mapped and the errors of the records it rejected, and
 * turns them into one {@link ImportResult}. Not thread-safe: one instance per mapping run.
 */
public final class CanonicalBatch {

  private final List<Touchpoint> touchpoints = new ArrayList<>();
  private final List<Lead> leads = new ArrayList<>();
  private final List<Deal> deals = new ArrayList<>();
  private final List<StageChange> stageChanges = new ArrayList<>();
  private final List<Account> accounts = new ArrayList<>();
  private final List<Contact> contacts = new ArrayList<>();
  private final List<RowError> errors = new ArrayList<>();
  private final Set<String> seen = new HashSet<>();
  private final Map<String, Long> keptBySource = new LinkedHashMap<>();
  private final Map<String, ImportResult.RowOrigin> dealOrigins = new HashMap<>();

  /** Names a source ({@code bitrix24:crm.deal.list}) so that it has statistics even when empty. */
  public void source(String file) {
    keptBySource.putIfAbsent(file, 0L);
  }

  /**
   * Starts mapping record number {@code line} of {@code file}; a node that is not a JSON object is
   * reported ({@code BAD_VALUE}) and gives null.
   */
  public ApiRecord open(JsonNode node, String file, long line) {
    source(file);
    ApiRecord record = new ApiRecord(node, file, line, errors);
    if (!node.isObject()) {
      record.reject("", ErrorCode.BAD_VALUE, node.toString(), "not a JSON object");
      return null;
    }
    return record;
  }

  /**
   * Maps every node of {@code file} in order — record numbers from 1 — with {@code mapper}; nodes
   * that are not JSON objects are reported ({@link #open}).
   */
  public void each(
      Iterable<JsonNode> nodes, String file, java.util.function.Consumer<ApiRecord> mapper) {
    source(file);
    long line = 0;
    for (JsonNode node : nodes) {
      ApiRecord record = open(node, file, ++line);
      if (record != null) {
        mapper.accept(record);
      }
    }
  }

  /** Counts the record as kept (its canonical rows were added). */
  public void kept(ApiRecord record) {
    keptBySource.merge(record.file(), 1L, Long::sum);
  }

  /** The list that {@link ApiRecord}s report their errors to. */
  public List<RowError> errors() {
    return errors;
  }

  /**
   * Whether {@code id} is new in {@code file}; a repeat is reported as {@code DUPLICATE_ID} (the
   * first record is kept, as for canonical files).
   */
  public boolean firstOccurrence(String file, long line, String field, String id) {
    if (seen.add(file + '\u0000' + id)) {
      return true;
    }
    errors.add(
        new RowError(
            file, line, field, ErrorCode.DUPLICATE_ID, id, "id seen earlier; the first is kept"));
    return false;
  }

  public void add(Touchpoint touchpoint) {
    touchpoints.add(touchpoint);
  }

  public void add(Lead lead) {
    leads.add(lead);
  }

  /** Adds a deal and remembers its record, so that warnings about it point there. */
  public void add(Deal deal, ApiRecord origin) {
    deals.add(deal);
    dealOrigins.putIfAbsent(deal.id(), new ImportResult.RowOrigin(origin.file(), origin.line()));
  }

  public void add(StageChange change) {
    stageChanges.add(change);
  }

  public void add(Account account) {
    accounts.add(account);
  }

  public void add(Contact contact) {
    contacts.add(contact);
  }

  /**
   * The kept records, the errors and per-source statistics (records read = kept + rejected; records
   * skipped on purpose, such as deleted ones, are neither), with the cross-file checks run as for
   * files (a deal dated before its lead is a warning pointing at the deal's record).
   */
  public ImportResult toResult() {
    CanonicalData data =
        new CanonicalData(
            List.of(),
            touchpoints,
            leads,
            deals,
            stageChanges,
            List.of(),
            accounts,
            contacts,
            List.of(),
            List.of());
    List<FileStats> files = new ArrayList<>();
    keptBySource.forEach(
        (file, kept) -> {
          Set<Long> rejected = new HashSet<>();
          Map<ErrorCode, Long> counts = new EnumMap<>(ErrorCode.class);
          for (RowError error : errors) {
            if (error.file().equals(file)) {
              rejected.add(error.line());
              counts.merge(error.code(), 1L, Long::sum);
            }
          }
          files.add(
              new FileStats(
                  file,
                  kept + rejected.size(),
                  kept,
                  rejected.size(),
                  counts.getOrDefault(ErrorCode.DUPLICATE_ID, 0L),
                  counts));
        });
    return ImportResult.ofMapped(data, errors, files, dealOrigins);
  }
}
