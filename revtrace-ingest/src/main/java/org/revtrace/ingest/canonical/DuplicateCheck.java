package org.revtrace.ingest.canonical;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.revtrace.core.model.Account;
import org.revtrace.core.model.Contact;
import org.revtrace.core.model.Cost;
import org.revtrace.core.model.Deal;
import org.revtrace.core.model.ErrorCode;
import org.revtrace.core.model.Lead;
import org.revtrace.core.model.Payment;
import org.revtrace.core.model.Rate;
import org.revtrace.core.model.Spend;
import org.revtrace.core.model.StageChange;
import org.revtrace.core.model.Touchpoint;

/**
 * Finds kept rows whose key an earlier kept row of the same file already claimed.
 *
 * <p>Files with an id column are keyed by the id, and a repeat is {@code DUPLICATE_ID} whatever its
 * other values. Files without one are keyed by the columns that name the fact they report:
 *
 * <ul>
 *   <li>spend: date, channel, source, medium, campaign, currency;
 *   <li>stage changes: deal id, stage, entered at (as an instant);
 *   <li>costs: date, category, channel, currency, amount;
 *   <li>rates: date, currency.
 * </ul>
 *
 * <p>A repeat with equal values (a double export) is {@code DUPLICATE_ROW}. A spend or rate repeat
 * with other values (cost, impressions, clicks or conversions; rate) is {@code CONFLICTING_ROW}: it
 * is not a harmless copy, and summing both would count the day twice, so the first row is kept and
 * the second is quarantined for review. Stage changes and costs have every column in the key, so
 * they only repeat exactly. Values are compared as parsed ({@code 100} equals {@code 100.00}); text
 * is compared as stored (stripped, case-sensitive). Only rows that pass validation claim a key. See
 * docs/definitions/import-validation.md.
 */
final class DuplicateCheck {

  private final CanonicalFile kind;
  private final boolean byId;
  private final Set<String> ids = new HashSet<>();
  private final Map<List<Object>, FirstRow> keys = new HashMap<>();

  /** The row that claimed a key: where it is and what it held. */
  private record FirstRow(long line, Object record) {}

  DuplicateCheck(CanonicalFile kind) {
    this.kind = kind;
    this.byId =
        switch (kind) {
          case TOUCHPOINTS, LEADS, DEALS, PAYMENTS, ACCOUNTS, CONTACTS -> true;
          case SPEND, STAGE_CHANGES, COSTS, RATES -> false;
        };
  }

  /**
   * True when {@code record}, just built from {@code row}, repeats the key of an earlier kept row;
   * the duplicate error is then recorded on the row. Otherwise the row claims its key.
   */
  boolean isRepeat(Row row, Object record) {
    if (byId) {
      String id = id(record);
      if (ids.add(id)) {
        return false;
      }
      row.error(
          kind.columns().get(0),
          ErrorCode.DUPLICATE_ID,
          id,
          "seen earlier in the file; first kept");
      return true;
    }
    List<Object> key = key(record);
    FirstRow first = keys.putIfAbsent(key, new FirstRow(row.line(), record));
    if (first == null) {
      return false;
    }
    String conflict = conflict(first.record(), record);
    if (conflict == null) {
      row.rowError(
          ErrorCode.DUPLICATE_ROW,
          describe(key),
          "same values as line " + first.line() + "; first kept");
    } else {
      row.error(
          conflict,
          ErrorCode.CONFLICTING_ROW,
          row.text(conflict),
          "line "
              + first.line()
              + " has the same "
              + keyColumns()
              + " with "
              + values(first.record())
              + "; first kept");
    }
    return true;
  }

  private String id(Object record) {
    return switch (kind) {
      case TOUCHPOINTS -> ((Touchpoint) record).id();
      case LEADS -> ((Lead) record).id();
      case DEALS -> ((Deal) record).id();
      case PAYMENTS -> ((Payment) record).id();
      case ACCOUNTS -> ((Account) record).id();
      case CONTACTS -> ((Contact) record).id();
      case SPEND, STAGE_CHANGES, COSTS, RATES ->
          throw new IllegalStateException(kind + " has no id column");
    };
  }

  /** The key of an id-less record; {@link Arrays#asList} because absent values are null. */
  private List<Object> key(Object record) {
    return switch (kind) {
      case SPEND -> {
        Spend spend = (Spend) record;
        yield Arrays.asList(
            spend.date(),
            spend.channel(),
            spend.utm().source(),
            spend.utm().medium(),
            spend.utm().campaign(),
            spend.cost().currency());
      }
      case RATES -> {
        Rate rate = (Rate) record;
        yield List.of(rate.date(), rate.currency());
      }
      case STAGE_CHANGES -> {
        StageChange change = (StageChange) record;
        yield List.of(change.dealId(), change.stage(), change.enteredAt());
      }
      case COSTS -> {
        Cost cost = (Cost) record;
        yield Arrays.asList(
            cost.date(),
            cost.category().name().toLowerCase(Locale.ROOT),
            cost.channel(),
            cost.amount().currency(),
            cost.amount().toMajor().toPlainString());
      }
      case TOUCHPOINTS, LEADS, DEALS, PAYMENTS, ACCOUNTS, CONTACTS ->
          throw new IllegalStateException(kind + " is keyed by its id");
    };
  }

  /** The first canonical column whose value differs between two records of one key, or null. */
  private String conflict(Object first, Object repeat) {
    if (first instanceof Spend a && repeat instanceof Spend b) {
      if (!a.cost().equals(b.cost())) {
        return "cost";
      }
      if (a.impressions() != b.impressions()) {
        return "impressions";
      }
      if (a.clicks() != b.clicks()) {
        return "clicks";
      }
      return Objects.equals(a.conversions(), b.conversions()) ? null : "conversions";
    }
    if (first instanceof Rate a && repeat instanceof Rate b) {
      return a.rate().compareTo(b.rate()) != 0 ? "rate" : null;
    }
    return null;
  }

  private String keyColumns() {
    return kind == CanonicalFile.SPEND
        ? "date, channel, source, medium, campaign and currency"
        : "date and currency";
  }

  private static String values(Object record) {
    if (record instanceof Spend spend) {
      return "cost "
          + spend.cost().toMajor().toPlainString()
          + ", impressions "
          + spend.impressions()
          + ", clicks "
          + spend.clicks()
          + (spend.conversions() == null
              ? ""
              : ", conversions " + spend.conversions().toPlainString());
    }
    return "rate " + ((Rate) record).rate().toPlainString();
  }

  /** The key as {@code a|b|c}, absent values blank. */
  private static String describe(List<Object> key) {
    StringBuilder text = new StringBuilder();
    for (Object part : key) {
      if (!text.isEmpty()) {
        text.append('|');
      }
      text.append(Objects.toString(part, ""));
    }
    return text.toString();
  }
}
