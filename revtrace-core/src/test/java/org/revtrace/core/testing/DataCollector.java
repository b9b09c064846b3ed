package org.revtrace.core.testing;

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

/** Mutable lists of canonical rows that the in-memory store appends to. */
final class DataCollector {

  final List<Spend> spend = new ArrayList<>();
  final List<Touchpoint> touchpoints = new ArrayList<>();
  final List<Lead> leads = new ArrayList<>();
  final List<Deal> deals = new ArrayList<>();
  final List<StageChange> stageChanges = new ArrayList<>();
  final List<Payment> payments = new ArrayList<>();
  final List<Account> accounts = new ArrayList<>();
  final List<Contact> contacts = new ArrayList<>();
  final List<Cost> costs = new ArrayList<>();
  final List<Rate> rates = new ArrayList<>();

  void addAll(DataCollector other) {
    spend.addAll(other.spend);
    touchpoints.addAll(other.touchpoints);
    leads.addAll(other.leads);
    deals.addAll(other.deals);
    stageChanges.addAll(other.stageChanges);
    payments.addAll(other.payments);
    accounts.addAll(other.accounts);
    contacts.addAll(other.contacts);
    costs.addAll(other.costs);
    rates.addAll(other.rates);
  }

  CanonicalData build() {
    return new CanonicalData(
        spend, touchpoints, leads, deals, stageChanges, payments, accounts, contacts, costs, rates);
  }
}
