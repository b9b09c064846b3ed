package org.revtrace.ingest.canonical;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.revtrace.core.model.Account;
import org.revtrace.core.model.Contact;
import org.revtrace.core.model.Cost;
import org.revtrace.core.model.CostCategory;
import org.revtrace.core.model.Deal;
import org.revtrace.core.model.DealStatus;
import org.revtrace.core.model.ErrorCode;
import org.revtrace.core.model.Lead;
import org.revtrace.core.model.Money;
import org.revtrace.core.model.Payment;
import org.revtrace.core.model.Rate;
import org.revtrace.core.model.Spend;
import org.revtrace.core.model.StageChange;
import org.revtrace.core.model.TouchType;
import org.revtrace.core.model.Touchpoint;
import org.revtrace.core.model.Utm;

/**
 * Builds the canonical record of one row, or returns null after recording why not. Every field is
 * checked so one pass reports all problems of a row.
 */
final class RecordBuilder {

  private final CanonicalFile kind;
  private final PersonalData personalData;

  RecordBuilder(CanonicalFile kind, PersonalData personalData) {
    this.kind = kind;
    this.personalData = personalData;
  }

  Object build(Row row) {
    Object record =
        switch (kind) {
          case SPEND -> spend(row);
          case TOUCHPOINTS -> touchpoint(row);
          case LEADS -> lead(row);
          case DEALS -> deal(row);
          case STAGE_CHANGES -> stageChange(row);
          case PAYMENTS -> payment(row);
          case ACCOUNTS -> account(row);
          case CONTACTS -> contact(row);
          case COSTS -> cost(row);
          case RATES -> rate(row);
        };
    return row.hasErrors() ? null : record;
  }

  private Spend spend(Row row) {
    LocalDate date = row.date("date");
    String channel = row.required("channel");
    Money cost = row.money("cost", row.currency("currency"), false);
    long impressions = row.count("impressions");
    long clicks = row.count("clicks");
    BigDecimal conversions = row.optionalDecimal("conversions");
    if (row.hasErrors()) {
      return null;
    }
    Utm utm = new Utm(row.text("source"), row.text("medium"), row.text("campaign"), null, null);
    return new Spend(date, channel, utm, impressions, clicks, cost, conversions);
  }

  private Touchpoint touchpoint(Row row) {
    String id = row.required("touchpoint_id");
    Instant occurredAt = row.timestamp("occurred_at", true);
    String channel = row.required("channel");
    String visitor = row.text("visitor_id");
    String contact = row.text("contact_id");
    String account = row.text("account_id");
    if (visitor == null && contact == null && account == null) {
      row.rowError(ErrorCode.NO_IDENTITY, "", "needs one of visitor_id, contact_id, account_id");
    }
    TouchType type = null;
    String typeText = row.text("type");
    if (typeText != null) {
      type = TouchType.parse(typeText).orElse(null);
      if (type == null) {
        row.error(
            "type",
            ErrorCode.BAD_VALUE,
            typeText,
            "expected one of ad_click, visit, email, "
                + "webinar, event, call, chat, form, meeting, other");
      }
    }
    if (row.hasErrors()) {
      return null;
    }
    Utm utm =
        new Utm(
            row.text("source"),
            row.text("medium"),
            row.text("campaign"),
            row.text("content"),
            row.text("term"));
    return new Touchpoint(
        id,
        occurredAt,
        channel,
        visitor,
        contact,
        account,
        type,
        utm,
        row.text("landing_page"),
        row.text("referrer"));
  }

  private Lead lead(Row row) {
    String id = row.required("lead_id");
    Instant createdAt = row.timestamp("created_at", true);
    Instant mqlAt = row.timestamp("mql_at", false);
    Instant sqlAt = row.timestamp("sql_at", false);
    Instant firstResponseAt = row.timestamp("first_response_at", false);
    if (row.hasErrors()) {
      return null;
    }
    Utm utm = new Utm(row.text("source"), row.text("medium"), row.text("campaign"), null, null);
    return new Lead(
        id,
        createdAt,
        row.text("contact_id"),
        row.text("account_id"),
        row.text("visitor_id"),
        personalData.hashEmail(row.text("email")),
        personalData.hashPhone(row.text("phone")),
        row.text("channel"),
        utm,
        mqlAt,
        sqlAt,
        firstResponseAt,
        row.text("click_id"));
  }

  private Deal deal(Row row) {
    String id = row.required("deal_id");
    Instant createdAt = row.timestamp("created_at", true);
    Money amount = row.money("amount", row.currency("currency"), false);
    DealStatus status = null;
    String statusText = row.text("status");
    if (statusText != null) {
      status = DealStatus.parse(statusText).orElse(null);
      if (status == null) {
        row.error("status", ErrorCode.BAD_VALUE, statusText, "expected open, won or lost");
      }
    }
    Instant closedAt = row.timestamp("closed_at", false);
    if (row.hasErrors()) {
      return null;
    }
    return new Deal(
        id,
        createdAt,
        amount,
        row.text("account_id"),
        row.text("contact_id"),
        row.text("lead_id"),
        row.text("stage"),
        status,
        closedAt,
        row.text("product"));
  }

  private StageChange stageChange(Row row) {
    String dealId = row.required("deal_id");
    String stage = row.required("stage");
    Instant enteredAt = row.timestamp("entered_at", true);
    return row.hasErrors() ? null : new StageChange(dealId, stage, enteredAt);
  }

  /** Payments may be negative: a negative payment is a refund. */
  private Payment payment(Row row) {
    String id = row.required("payment_id");
    Instant paidAt = row.timestamp("paid_at", true);
    Money amount = row.money("amount", row.currency("currency"), true);
    if (row.hasErrors()) {
      return null;
    }
    return new Payment(id, paidAt, amount, row.text("deal_id"), row.text("account_id"));
  }

  private Account account(Row row) {
    String id = row.required("account_id");
    if (row.hasErrors()) {
      return null;
    }
    return new Account(
        id,
        row.text("name"),
        row.text("domain"),
        row.text("industry"),
        row.text("size"),
        row.text("region"),
        row.text("tier"));
  }

  private Contact contact(Row row) {
    String id = row.required("contact_id");
    if (row.hasErrors()) {
      return null;
    }
    return new Contact(
        id,
        row.text("account_id"),
        personalData.hashEmail(row.text("email")),
        personalData.hashPhone(row.text("phone")),
        row.text("role"));
  }

  private Cost cost(Row row) {
    LocalDate date = row.date("date");
    CostCategory category = null;
    String categoryText = row.required("category");
    if (categoryText != null) {
      category = CostCategory.parse(categoryText).orElse(null);
      if (category == null) {
        row.error(
            "category",
            ErrorCode.BAD_VALUE,
            categoryText,
            "expected marketing, sales, agency, tools or other");
      }
    }
    Money amount = row.money("amount", row.currency("currency"), false);
    return row.hasErrors() ? null : new Cost(date, category, amount, row.text("channel"));
  }

  private Rate rate(Row row) {
    LocalDate date = row.date("date");
    String currency = row.required("currency") == null ? null : row.currency("currency");
    BigDecimal rate = row.positiveDecimal("rate");
    return row.hasErrors() ? null : new Rate(date, currency, rate);
  }
}
