package org.revtrace.core.reconcile;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.revtrace.core.dataset.ExchangeRates;
import org.revtrace.core.model.CanonicalData;
import org.revtrace.core.model.Deal;
import org.revtrace.core.model.DealStatus;
import org.revtrace.core.model.Lead;
import org.revtrace.core.model.Money;
import org.revtrace.core.model.Payment;
import org.revtrace.core.model.Spend;
import org.revtrace.core.model.TouchType;
import org.revtrace.core.model.Touchpoint;

/**
 * The records classified once, independent of the period grouping: every fact carries the campaign
 * (or channel) it belongs to and its day in the report's and in the platform's zone.
 */
final class Facts {

  /** A spend row of a reconciled campaign, money in the reporting currency. */
  record SpendFact(
      String campaign, LocalDate day, long clicks, BigDecimal conversions, long cost) {}

  /** A tagged arrival (ad click or visit). */
  record Arrival(
      String campaign,
      String id,
      LocalDate day,
      LocalDate platformDay,
      boolean adClick,
      boolean duplicate) {}

  /** Something counted once on a day under a key (a channel, or nothing): pooled causes. */
  record Pooled(String key, String id, LocalDate day) {}

  /** A lead tied to a campaign (tracked), with what the CRM made of it. */
  record TrackedLead(
      String campaign,
      String id,
      LocalDate day,
      LocalDate platformDay,
      boolean duplicate,
      boolean ownCampaign,
      boolean crm,
      long deals,
      long won,
      long revenue) {}

  /** A lead whose touch of the campaign is older than the lookback. */
  record WindowLead(String campaign, String id, LocalDate day) {}

  /** How a platform's later report changed a spend row since its first stored version. */
  record Restatement(
      String campaign, String id, LocalDate day, long clicks, BigDecimal conversions, long cost) {}

  final ReconciliationSettings settings;
  final Map<String, String> channelOf = new TreeMap<>();
  final List<SpendFact> spend = new ArrayList<>();
  final List<Arrival> arrivals = new ArrayList<>();
  final List<Pooled> untaggedArrivals = new ArrayList<>();
  final List<TrackedLead> trackedLeads = new ArrayList<>();
  final List<WindowLead> windowLeads = new ArrayList<>();
  final List<Pooled> unjoinableLeads = new ArrayList<>();
  final List<Pooled> untaggedLeads = new ArrayList<>();
  final List<Restatement> restatements = new ArrayList<>();
  long unconverted;

  private final ExchangeRates rates;

  Facts(ReconciliationInput input, ReconciliationSettings settings) {
    this.settings = settings;
    CanonicalData data = input.data();
    this.rates = new ExchangeRates(settings.currency(), data.rates());
    campaigns(data.spend());
    for (Spend row : data.spend()) {
      String campaign = row.utm().campaign();
      if (campaign == null || !channelOf.containsKey(campaign)) {
        continue;
      }
      Optional<Money> cost = rates.convert(row.cost(), row.date());
      if (cost.isEmpty()) {
        unconverted++;
      }
      spend.add(
          new SpendFact(
              campaign,
              row.date(),
              row.clicks(),
              row.conversions(),
              cost.map(Money::minor).orElse(0L)));
    }
    arrivals(data.touchpoints());
    leads(data);
    restatements(data.spend(), input.firstVersions());
  }

  /** The campaigns with spend (and the filter), each with the first channel of its spend. */
  private void campaigns(List<Spend> rows) {
    Map<String, TreeSet<String>> channels = new HashMap<>();
    for (Spend row : rows) {
      String campaign = row.utm().campaign();
      if (campaign != null
          && (settings.campaign() == null || settings.campaign().equalsIgnoreCase(campaign))) {
        channels.computeIfAbsent(campaign, c -> new TreeSet<>()).add(row.channel());
      }
    }
    channels.forEach((campaign, names) -> channelOf.put(campaign, names.first()));
  }

  private void arrivals(List<Touchpoint> touches) {
    List<Touchpoint> sorted = new ArrayList<>();
    for (Touchpoint touch : touches) {
      if (isArrival(touch)) {
        sorted.add(touch);
      }
    }
    sorted.sort(Comparator.comparing(Touchpoint::occurredAt).thenComparing(Touchpoint::id));
    Map<List<String>, Instant> last = new HashMap<>();
    for (Touchpoint touch : sorted) {
      String campaign = touch.utm().campaign();
      LocalDate day = day(touch.occurredAt());
      if (campaign == null) {
        untaggedArrivals.add(new Pooled(touch.channel(), touch.id(), day));
        continue;
      }
      // A repeat within a session of the previous arrival of the same person and campaign: the
      // tracker recorded one click twice (an ad_click and its visit, or a reload).
      List<String> key = List.of(campaign, person(touch));
      Instant previous = last.put(key, touch.occurredAt());
      boolean duplicate =
          previous != null && touch.occurredAt().compareTo(previous.plus(settings.session())) <= 0;
      if (channelOf.containsKey(campaign)) {
        arrivals.add(
            new Arrival(
                campaign,
                touch.id(),
                day,
                platformDay(touch.occurredAt()),
                touch.type() == TouchType.AD_CLICK,
                duplicate));
      }
    }
  }

  private void leads(CanonicalData data) {
    Map<String, List<Touchpoint>> byVisitor = new HashMap<>();
    Map<String, List<Touchpoint>> byContact = new HashMap<>();
    for (Touchpoint touch : data.touchpoints()) {
      if (touch.visitorId() != null) {
        byVisitor.computeIfAbsent(touch.visitorId(), v -> new ArrayList<>()).add(touch);
      }
      if (touch.contactId() != null) {
        byContact.computeIfAbsent(touch.contactId(), c -> new ArrayList<>()).add(touch);
      }
    }
    List<Lead> leads = new ArrayList<>(data.leads());
    leads.sort(Comparator.comparing(Lead::createdAt).thenComparing(Lead::id));
    Map<String, List<Deal>> deals = dealsByLead(data, leads);
    Map<String, List<Payment>> payments = new HashMap<>();
    for (Payment payment : data.payments()) {
      if (payment.dealId() != null) {
        payments.computeIfAbsent(payment.dealId(), d -> new ArrayList<>()).add(payment);
      }
    }
    Map<String, Instant> lastLeadOf = new HashMap<>();
    for (Lead lead : leads) {
      boolean duplicate = false;
      for (String key : personKeys(lead)) {
        Instant previous = lastLeadOf.put(key, lead.createdAt());
        if (previous != null
            && lead.createdAt().compareTo(previous.plus(settings.duplicateLeads())) <= 0) {
          duplicate = true;
        }
      }
      Set<Touchpoint> journey = new LinkedHashSet<>();
      if (lead.visitorId() != null) {
        journey.addAll(byVisitor.getOrDefault(lead.visitorId(), List.of()));
      }
      if (lead.contactId() != null) {
        journey.addAll(byContact.getOrDefault(lead.contactId(), List.of()));
      }
      Instant start = lead.createdAt().minus(settings.lookback());
      Set<String> tracked = new TreeSet<>();
      Set<String> outside = new TreeSet<>();
      Touchpoint untagged = null;
      boolean joined = false;
      for (Touchpoint touch : journey) {
        if (touch.occurredAt().isAfter(lead.createdAt())) {
          continue;
        }
        joined = true;
        String campaign = touch.utm().campaign();
        boolean within = !touch.occurredAt().isBefore(start);
        if (campaign != null) {
          (within ? tracked : outside).add(campaign);
        } else if (within
            && isArrival(touch)
            && (untagged == null || touch.occurredAt().isAfter(untagged.occurredAt()))) {
          untagged = touch;
        }
      }
      String own = lead.utm().campaign();
      if (own != null) {
        tracked.add(own);
      }
      outside.removeAll(tracked);
      LocalDate day = day(lead.createdAt());
      long[] outcome = outcome(deals.getOrDefault(lead.id(), List.of()), payments);
      for (String campaign : tracked) {
        if (channelOf.containsKey(campaign)) {
          trackedLeads.add(
              new TrackedLead(
                  campaign,
                  lead.id(),
                  day,
                  platformDay(lead.createdAt()),
                  duplicate,
                  own != null,
                  campaign.equals(own),
                  outcome[0],
                  outcome[1],
                  outcome[2]));
        }
      }
      for (String campaign : outside) {
        if (channelOf.containsKey(campaign)) {
          windowLeads.add(new WindowLead(campaign, lead.id(), day));
        }
      }
      if (tracked.isEmpty()) {
        if (lead.visitorId() == null && !joined) {
          unjoinableLeads.add(new Pooled("", lead.id(), day));
        } else if (untagged != null) {
          untaggedLeads.add(new Pooled(untagged.channel(), lead.id(), day));
        }
      }
    }
  }

  /**
   * Deals per lead id: a deal names its lead, else it goes to its contact's latest lead created on
   * or before it.
   */
  private static Map<String, List<Deal>> dealsByLead(CanonicalData data, List<Lead> sortedLeads) {
    Map<String, Lead> byId = new HashMap<>();
    Map<String, List<Lead>> byContact = new HashMap<>();
    for (Lead lead : sortedLeads) {
      byId.put(lead.id(), lead);
      if (lead.contactId() != null) {
        byContact.computeIfAbsent(lead.contactId(), c -> new ArrayList<>()).add(lead);
      }
    }
    Map<String, List<Deal>> deals = new HashMap<>();
    for (Deal deal : data.deals()) {
      Lead lead = deal.leadId() == null ? null : byId.get(deal.leadId());
      if (lead == null && deal.leadId() == null && deal.contactId() != null) {
        for (Lead candidate : byContact.getOrDefault(deal.contactId(), List.of())) {
          if (!candidate.createdAt().isAfter(deal.createdAt())) {
            lead = candidate;
          }
        }
      }
      if (lead != null) {
        deals.computeIfAbsent(lead.id(), l -> new ArrayList<>()).add(deal);
      }
    }
    return deals;
  }

  /** {deals, won deals, won revenue}; revenue is the payments if any, else the amount. */
  private long[] outcome(List<Deal> deals, Map<String, List<Payment>> payments) {
    long won = 0;
    long revenue = 0;
    for (Deal deal : deals) {
      if (deal.status() != DealStatus.WON) {
        continue;
      }
      won++;
      List<Payment> paid = payments.getOrDefault(deal.id(), List.of());
      if (paid.isEmpty()) {
        Instant at = deal.closedAt() != null ? deal.closedAt() : deal.createdAt();
        revenue += convert(deal.amount(), at);
      } else {
        for (Payment payment : paid) {
          revenue += convert(payment.amount(), payment.paidAt());
        }
      }
    }
    return new long[] {deals.size(), won, revenue};
  }

  private long convert(Money money, Instant at) {
    Optional<Money> converted = rates.convert(money, day(at));
    if (converted.isEmpty()) {
      unconverted++;
      return 0;
    }
    return converted.get().minor();
  }

  private void restatements(List<Spend> current, List<Spend> firstVersions) {
    Map<List<Object>, Spend> byKey = new HashMap<>();
    for (Spend row : current) {
      byKey.putIfAbsent(key(row), row);
    }
    for (Spend first : firstVersions) {
      String campaign = first.utm().campaign();
      Spend now = byKey.get(key(first));
      if (campaign == null || now == null || !channelOf.containsKey(campaign)) {
        continue;
      }
      BigDecimal conversions =
          first.conversions() == null && now.conversions() == null
              ? null
              : zero(now.conversions()).subtract(zero(first.conversions()));
      long cost =
          rates.convert(now.cost(), now.date()).map(Money::minor).orElse(0L)
              - rates.convert(first.cost(), first.date()).map(Money::minor).orElse(0L);
      restatements.add(
          new Restatement(
              campaign,
              first.date() + " " + first.channel() + " " + campaign,
              first.date(),
              now.clicks() - first.clicks(),
              conversions,
              cost));
    }
  }

  private static List<Object> key(Spend row) {
    return Arrays.asList(
        row.date(),
        row.channel(),
        row.utm().source(),
        row.utm().medium(),
        row.utm().campaign(),
        row.cost().currency());
  }

  static BigDecimal zero(BigDecimal value) {
    return value == null ? BigDecimal.ZERO : value;
  }

  /** Who arrived: visitor, else contact, else account, else the touch itself. */
  private static String person(Touchpoint touch) {
    if (touch.visitorId() != null) {
      return "v:" + touch.visitorId();
    }
    if (touch.contactId() != null) {
      return "c:" + touch.contactId();
    }
    return touch.accountId() != null ? "a:" + touch.accountId() : "t:" + touch.id();
  }

  /** The keys that name one person across leads: visitor, contact, e-mail and phone. */
  private static List<String> personKeys(Lead lead) {
    List<String> keys = new ArrayList<>(4);
    if (lead.visitorId() != null) {
      keys.add("v:" + lead.visitorId());
    }
    if (lead.contactId() != null) {
      keys.add("c:" + lead.contactId());
    }
    if (lead.email() != null) {
      keys.add("e:" + lead.email());
    }
    if (lead.phone() != null) {
      keys.add("p:" + lead.phone());
    }
    return keys;
  }

  private static boolean isArrival(Touchpoint touch) {
    return touch.type() == TouchType.AD_CLICK || touch.type() == TouchType.VISIT;
  }

  private LocalDate day(Instant instant) {
    return LocalDate.ofInstant(instant, settings.zone());
  }

  private LocalDate platformDay(Instant instant) {
    return LocalDate.ofInstant(instant, settings.platformZone());
  }
}
