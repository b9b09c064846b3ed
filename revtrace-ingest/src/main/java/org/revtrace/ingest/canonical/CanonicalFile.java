package org.revtrace.ingest.canonical;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The files of the canonical CSV format (ARCHITECTURE.md), with their required and optional
 * columns.
 */
public enum CanonicalFile {
  SPEND(
      "spend.csv",
      List.of("date", "channel", "cost"),
      List.of("source", "medium", "campaign", "impressions", "clicks", "currency", "conversions")),
  TOUCHPOINTS(
      "touchpoints.csv",
      List.of("touchpoint_id", "occurred_at", "channel"),
      List.of(
          "visitor_id",
          "contact_id",
          "account_id",
          "type",
          "source",
          "medium",
          "campaign",
          "content",
          "term",
          "landing_page",
          "referrer")),
  LEADS(
      "leads.csv",
      List.of("lead_id", "created_at"),
      List.of(
          "contact_id",
          "account_id",
          "visitor_id",
          "email",
          "phone",
          "channel",
          "source",
          "medium",
          "campaign",
          "mql_at",
          "sql_at",
          "first_response_at",
          "click_id")),
  DEALS(
      "deals.csv",
      List.of("deal_id", "created_at", "amount"),
      List.of(
          "account_id",
          "contact_id",
          "lead_id",
          "currency",
          "stage",
          "status",
          "closed_at",
          "product")),
  STAGE_CHANGES("stage_changes.csv", List.of("deal_id", "stage", "entered_at"), List.of()),
  PAYMENTS(
      "payments.csv",
      List.of("payment_id", "paid_at", "amount"),
      List.of("deal_id", "account_id", "currency")),
  ACCOUNTS(
      "accounts.csv",
      List.of("account_id"),
      List.of("name", "domain", "industry", "size", "region", "tier")),
  CONTACTS("contacts.csv", List.of("contact_id"), List.of("account_id", "email", "phone", "role")),
  COSTS("costs.csv", List.of("date", "category", "amount"), List.of("channel", "currency")),
  RATES("rates.csv", List.of("date", "currency", "rate"), List.of());

  private final String fileName;
  private final List<String> required;
  private final List<String> columns;
  private final Map<String, Integer> indexByName = new HashMap<>();

  CanonicalFile(String fileName, List<String> required, List<String> optional) {
    this.fileName = fileName;
    this.required = required;
    List<String> all = new ArrayList<>(required);
    all.addAll(optional);
    this.columns = List.copyOf(all);
    for (int i = 0; i < columns.size(); i++) {
      indexByName.put(columns.get(i), i);
    }
  }

  /** The file name in a canonical folder, e.g. {@code leads.csv}. */
  public String fileName() {
    return fileName;
  }

  /** The kind's short name, e.g. {@code leads}, {@code stage_changes}. */
  public String kindName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Columns that must be present in the header. */
  public List<String> requiredColumns() {
    return required;
  }

  /** All known columns: the required ones first, then the optional ones, in a fixed order. */
  public List<String> columns() {
    return columns;
  }

  /** Position of a column in {@link #columns()}, or -1 when the kind has no such column. */
  public int indexOf(String column) {
    Integer index = indexByName.get(column);
    return index == null ? -1 : index;
  }

  /** Finds a kind by its short name or file name ({@code leads} or {@code leads.csv}). */
  public static Optional<CanonicalFile> byName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String normalised = name.trim().toLowerCase(Locale.ROOT);
    for (CanonicalFile kind : values()) {
      if (kind.kindName().equals(normalised) || kind.fileName.equals(normalised)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
