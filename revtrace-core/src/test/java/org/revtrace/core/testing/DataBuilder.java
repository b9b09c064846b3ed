package org.revtrace.core.testing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.revtrace.core.model.Account;
import org.revtrace.core.model.CanonicalData;
import org.revtrace.core.model.Contact;
import org.revtrace.core.model.Cost;
import org.revtrace.core.model.CostCategory;
import org.revtrace.core.model.Deal;
import org.revtrace.core.model.DealStatus;
import org.revtrace.core.model.Lead;
import org.revtrace.core.model.Money;
import org.revtrace.core.model.Payment;
import org.revtrace.core.model.Rate;
import org.revtrace.core.model.Spend;
import org.revtrace.core.model.StageChange;
import org.revtrace.core.model.TouchType;
import org.revtrace.core.model.Touchpoint;
import org.revtrace.core.model.Utm;

/** Builds small canonical data sets for tests, with days counted from 2025-01-01 UTC. */
public final class DataBuilder {

  public static final Instant EPOCH = Instant.parse("2025-01-01T00:00:00Z");

  private final List<Spend> spend = new ArrayList<>();
  private final List<Touchpoint> touchpoints = new ArrayList<>();
  private final List<Lead> leads = new ArrayList<>();
  private final List<Deal> deals = new ArrayList<>();
  private final List<StageChange> stageChanges = new ArrayList<>();
  private final List<Payment> payments = new ArrayList<>();
  private final List<Account> accounts = new ArrayList<>();
  private final List<Contact> contacts = new ArrayList<>();
  private final List<Cost> costs = new ArrayList<>();
  private final List<Rate> rates = new ArrayList<>();

  public static Instant day(double days) {
    return EPOCH.plusSeconds(Math.round(days * 86_400));
  }

  public static Money rub(String major) {
    return Money.parse(major, "RUB");
  }

  /** A touch of a contact on a channel at a day offset. */
  public DataBuilder touch(String contact, String channel, double dayOffset) {
    return touch(contact, channel, dayOffset, TouchType.VISIT);
  }

  public DataBuilder touch(String contact, String channel, double dayOffset, TouchType type) {
    touchpoints.add(
        new Touchpoint(
            "t" + touchpoints.size(),
            day(dayOffset),
            channel,
            null,
            contact,
            null,
            type,
            new Utm(channel, null, channel + "-campaign", null, null),
            null,
            null));
    return this;
  }

  public DataBuilder contact(String contact, String account) {
    contacts.add(new Contact(contact, account, null, null, null));
    return this;
  }

  public DataBuilder account(String account) {
    accounts.add(new Account(account, null, null, null, null, null, null));
    return this;
  }

  /** A lead of a contact created at a day offset, with MQL/SQL days (negative: none). */
  public DataBuilder lead(String id, String contact, double created, double mql, double sql) {
    leads.add(
        new Lead(
            id,
            day(created),
            contact,
            null,
            null,
            null,
            null,
            null,
            Utm.NONE,
            mql >= 0 ? day(mql) : null,
            sql >= 0 ? day(sql) : null,
            null));
    return this;
  }

  /** A lead with its own channel and no contact (no touches). */
  public DataBuilder orphanLead(String id, String channel, double created) {
    leads.add(
        new Lead(
            id, day(created), null, null, null, null, null, channel, Utm.NONE, null, null, null));
    return this;
  }

  public DataBuilder wonDeal(
      String id, String lead, String contact, double created, double closed, String amount) {
    deals.add(
        new Deal(
            id,
            day(created),
            rub(amount),
            null,
            contact,
            lead,
            "won",
            DealStatus.WON,
            day(closed),
            null));
    return this;
  }

  public DataBuilder deal(
      String id, String lead, String contact, double created, DealStatus status, String amount) {
    deals.add(
        new Deal(id, day(created), rub(amount), null, contact, lead, null, status, null, null));
    return this;
  }

  /**
   * A CRM lead with its own channel and account, MQL/SQL days and first-response day (negative:
   * none).
   */
  public DataBuilder crmLead(
      String id,
      String channel,
      String account,
      double created,
      double mql,
      double sql,
      double firstResponse) {
    leads.add(
        new Lead(
            id,
            day(created),
            null,
            account,
            null,
            null,
            null,
            channel,
            Utm.NONE,
            mql >= 0 ? day(mql) : null,
            sql >= 0 ? day(sql) : null,
            firstResponse >= 0 ? day(firstResponse) : null));
    return this;
  }

  /** A CRM deal of an account, with a close day (negative: none) and a product (may be null). */
  public DataBuilder crmDeal(
      String id,
      String lead,
      String account,
      double created,
      DealStatus status,
      double closed,
      String amount,
      String product) {
    deals.add(
        new Deal(
            id,
            day(created),
            rub(amount),
            account,
            null,
            lead,
            null,
            status,
            closed >= 0 ? day(closed) : null,
            product));
    return this;
  }

  public DataBuilder stage(String deal, String stage, double dayOffset) {
    stageChanges.add(new StageChange(deal, stage, day(dayOffset)));
    return this;
  }

  public DataBuilder account(
      String account, String industry, String size, String region, String tier) {
    accounts.add(new Account(account, account + " LLC", null, industry, size, region, tier));
    return this;
  }

  public DataBuilder payment(String id, String deal, double paid, String amount) {
    payments.add(new Payment(id, day(paid), rub(amount), deal, null));
    return this;
  }

  /** A payment naming an account directly (and optionally a deal), in any currency. */
  public DataBuilder accountPayment(
      String id, String deal, String account, double paid, Money amount) {
    payments.add(new Payment(id, day(paid), amount, deal, account));
    return this;
  }

  public DataBuilder spend(
      String channel, int dayOffset, String cost, long impressions, long clicks) {
    spend.add(
        new Spend(
            LocalDate.of(2025, 1, 1).plusDays(dayOffset),
            channel,
            new Utm(channel, "cpc", channel + "-campaign", null, null),
            impressions,
            clicks,
            rub(cost)));
    return this;
  }

  public DataBuilder spendIn(String channel, int dayOffset, Money cost) {
    spend.add(
        new Spend(LocalDate.of(2025, 1, 1).plusDays(dayOffset), channel, Utm.NONE, 0, 0, cost));
    return this;
  }

  public DataBuilder cost(CostCategory category, int dayOffset, String amount, String channel) {
    costs.add(
        new Cost(LocalDate.of(2025, 1, 1).plusDays(dayOffset), category, rub(amount), channel));
    return this;
  }

  public DataBuilder rate(int dayOffset, String currency, String rate) {
    rates.add(
        new Rate(LocalDate.of(2025, 1, 1).plusDays(dayOffset), currency, new BigDecimal(rate)));
    return this;
  }

  public CanonicalData build() {
    return new CanonicalData(
        spend, touchpoints, leads, deals, stageChanges, payments, accounts, contacts, costs, rates);
  }
}
