package org.revtrace.core.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.revtrace.core.dataset.Dataset;
import org.revtrace.core.model.Account;
import org.revtrace.core.model.CanonicalData;
import org.revtrace.core.model.Contact;
import org.revtrace.core.model.Deal;
import org.revtrace.core.model.DealStatus;
import org.revtrace.core.model.Lead;
import org.revtrace.core.model.Money;
import org.revtrace.core.model.Payment;
import org.revtrace.core.model.RowError;
import org.revtrace.core.model.Spend;
import org.revtrace.core.model.StageChange;
import org.revtrace.core.model.TouchType;
import org.revtrace.core.model.Touchpoint;
import org.revtrace.core.model.Utm;

/** Small hand-made data sets for the audit's worked examples (all money in RUB). */
final class AuditFixture {

  static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");

  final List<Spend> spend = new ArrayList<>();
  final List<Touchpoint> touchpoints = new ArrayList<>();
  final List<Touchpoint> normalizedTouchpoints = new ArrayList<>();
  final List<Lead> leads = new ArrayList<>();
  final List<Deal> deals = new ArrayList<>();
  final List<StageChange> stageChanges = new ArrayList<>();
  final List<Payment> payments = new ArrayList<>();
  final List<Contact> contacts = new ArrayList<>();
  final List<Account> accounts = new ArrayList<>();
  final List<RowError> errors = new ArrayList<>();

  static Instant at(double days) {
    return T0.plus(Duration.ofSeconds(Math.round(days * 86_400)));
  }

  static Money rub(long roubles) {
    return new Money(roubles * 100, "RUB");
  }

  AuditFixture touch(String id, double day, String channel, String visitor, Utm utm) {
    return touch(id, day, channel, visitor, TouchType.VISIT, utm, utm);
  }

  /** A touchpoint written as {@code raw} and cleaned up to {@code clean}. */
  AuditFixture touch(
      String id, double day, String channel, String visitor, TouchType type, Utm raw, Utm clean) {
    touchpoints.add(
        new Touchpoint(id, at(day), channel, visitor, null, null, type, raw, null, null));
    normalizedTouchpoints.add(
        new Touchpoint(id, at(day), channel, visitor, null, null, type, clean, null, null));
    return this;
  }

  AuditFixture lead(
      String id, double day, String contact, String visitor, String channel, Utm utm) {
    leads.add(
        new Lead(id, at(day), contact, null, visitor, null, null, channel, utm, null, null, null));
    return this;
  }

  AuditFixture lead(Lead lead) {
    leads.add(lead);
    return this;
  }

  AuditFixture wonDeal(String id, double day, long roubles, String contact, String lead) {
    deals.add(
        new Deal(
            id,
            at(day),
            rub(roubles),
            null,
            contact,
            lead,
            "won",
            DealStatus.WON,
            at(day + 10),
            null));
    return this;
  }

  AuditFixture openDeal(String id, double day, long roubles, String contact, String lead) {
    deals.add(
        new Deal(
            id, at(day), rub(roubles), null, contact, lead, "sql", DealStatus.OPEN, null, null));
    return this;
  }

  AuditFixture stages(String deal, double day, String... names) {
    for (int i = 0; i < names.length; i++) {
      stageChanges.add(new StageChange(deal, names[i], at(day + i)));
    }
    return this;
  }

  AuditFixture spend(LocalDate date, String channel, String campaign, long roubles) {
    spend.add(
        new Spend(date, channel, new Utm(null, "cpc", campaign, null, null), 0, 0, rub(roubles)));
    return this;
  }

  AuditFixture contact(String id, String email, String phone) {
    contacts.add(new Contact(id, null, email, phone, null));
    return this;
  }

  CanonicalData raw() {
    return new CanonicalData(
        spend,
        touchpoints,
        leads,
        deals,
        stageChanges,
        payments,
        accounts,
        contacts,
        List.of(),
        List.of());
  }

  CanonicalData normalized() {
    return new CanonicalData(
        spend,
        normalizedTouchpoints,
        leads,
        deals,
        stageChanges,
        payments,
        accounts,
        contacts,
        List.of(),
        List.of());
  }

  AuditInput input(Instant reference) {
    CanonicalData normalized = normalized();
    return new AuditInput(
        raw(),
        normalized,
        Dataset.of(normalized, "RUB"),
        errors,
        AuditSettings.defaults(reference));
  }

  AuditInput input() {
    return input(at(60));
  }

  static Utm utm(String source, String medium, String campaign) {
    return new Utm(source, medium, campaign, null, null);
  }
}
