package org.revtrace.store;

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

/** The ten canonical tables of migration V1, in the order of {@link CanonicalData}'s lists. */
final class CanonicalTables {

  private static final String UTM = "utm_source, utm_medium, utm_campaign, utm_content, utm_term";

  static final CanonicalTable<Spend> SPEND =
      new CanonicalTable<>(
          "spend",
          "date, channel, " + UTM + ", impressions, clicks, cost_minor, currency, conversions",
          "date, channel, utm_source, utm_medium, utm_campaign, currency",
          CanonicalData::spend,
          (s, out) -> {
            out.date(s.date()).text(s.channel());
            utm(s.utm(), out);
            out.number(s.impressions()).number(s.clicks());
            money(s.cost(), out);
            out.text(s.conversions() == null ? null : s.conversions().toPlainString());
          },
          row -> {
            var date = row.date();
            var channel = row.text();
            Utm utm = row.utm();
            long impressions = row.number();
            long clicks = row.number();
            Money cost = row.money();
            return new Spend(date, channel, utm, impressions, clicks, cost, row.decimal());
          });

  static final CanonicalTable<Touchpoint> TOUCHPOINTS =
      new CanonicalTable<>(
          "touchpoints",
          "touchpoint_id, occurred_at, channel, visitor_id, contact_id, account_id, type, "
              + UTM
              + ", landing_page, referrer",
          "touchpoint_id",
          CanonicalData::touchpoints,
          (t, out) -> {
            out.text(t.id()).instant(t.occurredAt()).text(t.channel());
            out.text(t.visitorId()).text(t.contactId()).text(t.accountId());
            out.text(t.type().code());
            utm(t.utm(), out);
            out.text(t.landingPage()).text(t.referrer());
          },
          row ->
              new Touchpoint(
                  row.text(),
                  row.instant(),
                  row.text(),
                  row.text(),
                  row.text(),
                  row.text(),
                  touchType(row.text()),
                  row.utm(),
                  row.text(),
                  row.text()));

  static final CanonicalTable<Lead> LEADS =
      new CanonicalTable<>(
          "leads",
          "lead_id, created_at, contact_id, account_id, visitor_id, email, phone, channel, "
              + UTM
              + ", mql_at, sql_at, first_response_at",
          "lead_id",
          CanonicalData::leads,
          (l, out) -> {
            out.text(l.id()).instant(l.createdAt());
            out.text(l.contactId()).text(l.accountId()).text(l.visitorId());
            out.text(l.email()).text(l.phone()).text(l.channel());
            utm(l.utm(), out);
            out.instant(l.mqlAt()).instant(l.sqlAt()).instant(l.firstResponseAt());
          },
          row ->
              new Lead(
                  row.text(),
                  row.instant(),
                  row.text(),
                  row.text(),
                  row.text(),
                  row.text(),
                  row.text(),
                  row.text(),
                  row.utm(),
                  row.instant(),
                  row.instant(),
                  row.instant()));

  static final CanonicalTable<Deal> DEALS =
      new CanonicalTable<>(
          "deals",
          "deal_id, created_at, amount_minor, currency, account_id, contact_id, lead_id, stage,"
              + " status, closed_at, product",
          "deal_id",
          CanonicalData::deals,
          (d, out) -> {
            out.text(d.id()).instant(d.createdAt());
            money(d.amount(), out);
            out.text(d.accountId()).text(d.contactId()).text(d.leadId()).text(d.stage());
            out.text(d.status().code()).instant(d.closedAt()).text(d.product());
          },
          row ->
              new Deal(
                  row.text(),
                  row.instant(),
                  row.money(),
                  row.text(),
                  row.text(),
                  row.text(),
                  row.text(),
                  dealStatus(row.text()),
                  row.instant(),
                  row.text()));

  static final CanonicalTable<StageChange> STAGE_CHANGES =
      new CanonicalTable<>(
          "stage_changes",
          "deal_id, stage, entered_at",
          "deal_id, stage, entered_at",
          CanonicalData::stageChanges,
          (c, out) -> out.text(c.dealId()).text(c.stage()).instant(c.enteredAt()),
          row -> new StageChange(row.text(), row.text(), row.instant()));

  static final CanonicalTable<Payment> PAYMENTS =
      new CanonicalTable<>(
          "payments",
          "payment_id, paid_at, amount_minor, currency, deal_id, account_id",
          "payment_id",
          CanonicalData::payments,
          (p, out) -> {
            out.text(p.id()).instant(p.paidAt());
            money(p.amount(), out);
            out.text(p.dealId()).text(p.accountId());
          },
          row -> new Payment(row.text(), row.instant(), row.money(), row.text(), row.text()));

  static final CanonicalTable<Account> ACCOUNTS =
      new CanonicalTable<>(
          "accounts",
          "account_id, name, domain, industry, size, region, tier",
          "account_id",
          CanonicalData::accounts,
          (a, out) ->
              out.text(a.id())
                  .text(a.name())
                  .text(a.domain())
                  .text(a.industry())
                  .text(a.size())
                  .text(a.region())
                  .text(a.tier()),
          row ->
              new Account(
                  row.text(),
                  row.text(),
                  row.text(),
                  row.text(),
                  row.text(),
                  row.text(),
                  row.text()));

  static final CanonicalTable<Contact> CONTACTS =
      new CanonicalTable<>(
          "contacts",
          "contact_id, account_id, email, phone, role",
          "contact_id",
          CanonicalData::contacts,
          (c, out) ->
              out.text(c.id()).text(c.accountId()).text(c.email()).text(c.phone()).text(c.role()),
          row -> new Contact(row.text(), row.text(), row.text(), row.text(), row.text()));

  static final CanonicalTable<Cost> COSTS =
      new CanonicalTable<>(
          "costs",
          "date, category, amount_minor, currency, channel",
          "date, category, channel, amount_minor, currency",
          CanonicalData::costs,
          (c, out) -> {
            out.date(c.date()).text(c.category().code());
            money(c.amount(), out);
            out.text(c.channel());
          },
          row -> new Cost(row.date(), costCategory(row.text()), row.money(), row.text()));

  static final CanonicalTable<Rate> RATES =
      new CanonicalTable<>(
          "rates",
          "date, currency, rate",
          "date, currency",
          CanonicalData::rates,
          (r, out) -> out.date(r.date()).text(r.currency()).text(r.rate().toPlainString()),
          row -> new Rate(row.date(), row.text(), row.decimal()));

  /** All tables, in the order of {@link CanonicalData}'s components. */
  static final List<CanonicalTable<?>> ALL =
      List.of(
          SPEND,
          TOUCHPOINTS,
          LEADS,
          DEALS,
          STAGE_CHANGES,
          PAYMENTS,
          ACCOUNTS,
          CONTACTS,
          COSTS,
          RATES);

  private CanonicalTables() {}

  private static void utm(Utm utm, CopyRows out) {
    out.text(utm.source())
        .text(utm.medium())
        .text(utm.campaign())
        .text(utm.content())
        .text(utm.term());
  }

  private static void money(Money money, CopyRows out) {
    out.number(money.minor()).text(money.currency());
  }

  private static TouchType touchType(String code) {
    return TouchType.parse(code)
        .orElseThrow(() -> new IllegalStateException("unknown touch type in store: " + code));
  }

  private static DealStatus dealStatus(String code) {
    return DealStatus.parse(code)
        .orElseThrow(() -> new IllegalStateException("unknown deal status in store: " + code));
  }

  private static CostCategory costCategory(String code) {
    return CostCategory.parse(code)
        .orElseThrow(() -> new IllegalStateException("unknown cost category in store: " + code));
  }
}
