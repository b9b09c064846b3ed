package org.revtrace.core.model;

import java.util.List;

/** Everything imported from one data folder, in canonical form, before it is indexed. */
public record CanonicalData(
    List<Spend> spend,
    List<Touchpoint> touchpoints,
    List<Lead> leads,
    List<Deal> deals,
    List<StageChange> stageChanges,
    List<Payment> payments,
    List<Account> accounts,
    List<Contact> contacts,
    List<Cost> costs,
    List<Rate> rates) {

  public CanonicalData {
    spend = List.copyOf(spend);
    touchpoints = List.copyOf(touchpoints);
    leads = List.copyOf(leads);
    deals = List.copyOf(deals);
    stageChanges = List.copyOf(stageChanges);
    payments = List.copyOf(payments);
    accounts = List.copyOf(accounts);
    contacts = List.copyOf(contacts);
    costs = List.copyOf(costs);
    rates = List.copyOf(rates);
  }

  /** No data at all. */
  public static CanonicalData empty() {
    return new CanonicalData(
        List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of(), List.of());
  }
}
