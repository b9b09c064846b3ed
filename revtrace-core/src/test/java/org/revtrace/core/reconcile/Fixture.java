package org.revtrace.core.reconcile;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.revtrace.core.model.CanonicalData;
import org.revtrace.core.model.Deal;
import org.revtrace.core.model.DealStatus;
import org.revtrace.core.model.Lead;
import org.revtrace.core.model.Money;
import org.revtrace.core.model.Payment;
import org.revtrace.core.model.Rate;
import org.revtrace.core.model.Spend;
import org.revtrace.core.model.TouchType;
import org.revtrace.core.model.Touchpoint;
import org.revtrace.core.model.Utm;

/** A small hand-written data set for worked examples: add rows, then take the canonical data. */
final class Fixture {

  final List<Spend> spend = new ArrayList<>();
  final List<Touchpoint> touches = new ArrayList<>();
  final List<Lead> leads = new ArrayList<>();
  final List<Deal> deals = new ArrayList<>();
  final List<Payment> payments = new ArrayList<>();
  final List<Rate> rates = new ArrayList<>();
  private int touchIds;

  static Instant at(String text) {
    return Instant.parse(text);
  }

  Fixture spend(String day, String channel, String campaign, long clicks, String conversions) {
    spend.add(
        new Spend(
            LocalDate.parse(day),
            channel,
            new Utm("yandex", "cpc", campaign, null, null),
            clicks * 10,
            clicks,
            new Money(clicks * 1000, "RUB"),
            conversions == null ? null : new BigDecimal(conversions)));
    return this;
  }

  /**
   * {@code count} arrivals of distinct visitors ({@code prefix-1}, …) an hour apart from {@code
   * start}.
   */
  Fixture arrivals(String prefix, String start, String channel, String campaign, int count) {
    for (int i = 1; i <= count; i++) {
      touch(
          prefix + "-" + i,
          at(start).plusSeconds(3600L * (i - 1)),
          channel,
          campaign,
          TouchType.AD_CLICK);
    }
    return this;
  }

  Fixture touch(String visitor, Instant when, String channel, String campaign, TouchType type) {
    touches.add(
        new Touchpoint(
            "t" + (++touchIds),
            when,
            channel,
            visitor,
            null,
            null,
            type,
            new Utm(campaign == null ? null : "yandex", "cpc", campaign, null, null),
            null,
            null));
    return this;
  }

  Fixture lead(String id, String created, String visitor, String ownCampaign) {
    return lead(id, created, visitor, null, null, ownCampaign);
  }

  Fixture lead(
      String id, String created, String visitor, String contact, String email, String campaign) {
    leads.add(
        new Lead(
            id,
            at(created),
            contact,
            null,
            visitor,
            email,
            null,
            null,
            new Utm(null, null, campaign, null, null),
            null,
            null,
            null));
    return this;
  }

  Fixture deal(String id, String lead, DealStatus status, Money amount, String closed) {
    Instant closedAt = closed == null ? null : at(closed);
    deals.add(
        new Deal(
            id,
            closedAt == null ? at("2025-03-25T10:00:00Z") : closedAt.minusSeconds(86_400),
            amount,
            null,
            null,
            lead,
            null,
            status,
            closedAt,
            null));
    return this;
  }

  CanonicalData data() {
    return new CanonicalData(
        spend, touches, leads, deals, List.of(), payments, List.of(), List.of(), List.of(), rates);
  }
}
