package org.revtrace.ingest.canonical;

import java.util.ArrayList;
import java.util.List;
import org.revtrace.core.model.Account;
import org.revtrace.core.model.CanonicalData;
import org.revtrace.core.model.Contact;
import org.revtrace.core.model.Cost;
import org.revtrace.core.model.Deal;
import org.revtrace.core.model.Lead;
import org.revtrace.core.model.Payment;
import org.revtrace.core.model.Rate;
import org.revtrace.core.model.Spend;
import org.revtrace.core.model.StageChange;
import org.revtrace.core.model.Touchpoint;

/** Collects canonical records of any kind, in arrival order, into one {@link CanonicalData}. */
final class DataBuilder {

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

  void add(Object record) {
    if (record instanceof Touchpoint touchpoint) {
      touchpoints.add(touchpoint);
    } else if (record instanceof Spend row) {
      spend.add(row);
    } else if (record instanceof Lead lead) {
      leads.add(lead);
    } else if (record instanceof Deal deal) {
      deals.add(deal);
    } else if (record instanceof StageChange change) {
      stageChanges.add(change);
    } else if (record instanceof Payment payment) {
      payments.add(payment);
    } else if (record instanceof Account account) {
      accounts.add(account);
    } else if (record instanceof Contact contact) {
      contacts.add(contact);
    } else if (record instanceof Cost cost) {
      costs.add(cost);
    } else if (record instanceof Rate rate) {
      rates.add(rate);
    } else {
      throw new IllegalArgumentException("not a canonical record: " + record);
    }
  }

  void addAll(CanonicalData data) {
    spend.addAll(data.spend());
    touchpoints.addAll(data.touchpoints());
    leads.addAll(data.leads());
    deals.addAll(data.deals());
    stageChanges.addAll(data.stageChanges());
    payments.addAll(data.payments());
    accounts.addAll(data.accounts());
    contacts.addAll(data.contacts());
    costs.addAll(data.costs());
    rates.addAll(data.rates());
  }

  CanonicalData build() {
    return new CanonicalData(
        spend, touchpoints, leads, deals, stageChanges, payments, accounts, contacts, costs, rates);
  }
}
