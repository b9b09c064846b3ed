package org.revtrace.core.identity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.revtrace.core.model.Account;
import org.revtrace.core.model.CanonicalData;
import org.revtrace.core.model.Contact;
import org.revtrace.core.model.Deal;
import org.revtrace.core.model.DealStatus;
import org.revtrace.core.model.Lead;
import org.revtrace.core.model.Money;
import org.revtrace.core.model.Payment;
import org.revtrace.core.model.TouchType;
import org.revtrace.core.model.Touchpoint;
import org.revtrace.core.model.Utm;

/** Small canonical data sets for identity tests; days count from 2025-01-01 UTC. */
final class IdentityData {

  static final Instant EPOCH = Instant.parse("2025-01-01T00:00:00Z");

  final List<Touchpoint> touches = new ArrayList<>();
  final List<Lead> leads = new ArrayList<>();
  final List<Deal> deals = new ArrayList<>();
  final List<Payment> payments = new ArrayList<>();
  final List<Account> accounts = new ArrayList<>();
  final List<Contact> contacts = new ArrayList<>();

  static Instant day(double days) {
    return EPOCH.plusSeconds(Math.round(days * 86_400));
  }

  IdentityData touch(String visitor, String contact, String landingPage, double day) {
    touches.add(
        new Touchpoint(
            "t" + touches.size(),
            day(day),
            "seo",
            visitor,
            contact,
            null,
            TouchType.VISIT,
            Utm.NONE,
            landingPage,
            null));
    return this;
  }

  IdentityData accountTouch(String account, double day) {
    touches.add(
        new Touchpoint(
            "t" + touches.size(),
            day(day),
            "seo",
            null,
            null,
            account,
            TouchType.VISIT,
            Utm.NONE,
            null,
            null));
    return this;
  }

  /** A lead; any id or key may be null. */
  IdentityData lead(
      String id,
      double day,
      String contact,
      String visitor,
      String email,
      String phone,
      String clickId) {
    return lead(id, day, contact, null, visitor, email, phone, clickId, -1);
  }

  IdentityData lead(
      String id,
      double day,
      String contact,
      String account,
      String visitor,
      String email,
      String phone,
      String clickId,
      double mqlDay) {
    leads.add(
        new Lead(
            id,
            day(day),
            contact,
            account,
            visitor,
            email,
            phone,
            "seo",
            Utm.NONE,
            mqlDay < 0 ? null : day(mqlDay),
            null,
            null,
            clickId));
    return this;
  }

  IdentityData contact(String id, String account, String email, String phone) {
    contacts.add(new Contact(id, account, email, phone, null));
    return this;
  }

  IdentityData account(String id, String domain) {
    accounts.add(new Account(id, null, domain, null, null, null, null));
    return this;
  }

  IdentityData deal(String id, double day, String amount, String contact, String lead) {
    deals.add(
        new Deal(
            id,
            day(day),
            Money.parse(amount, "RUB"),
            null,
            contact,
            lead,
            null,
            DealStatus.WON,
            day(day + 1),
            null));
    return this;
  }

  IdentityData payment(String id, double day, String amount, String deal) {
    payments.add(new Payment(id, day(day), Money.parse(amount, "RUB"), deal, null));
    return this;
  }

  CanonicalData build() {
    return new CanonicalData(
        List.of(), touches, leads, deals, List.of(), payments, accounts, contacts, List.of(),
        List.of());
  }

  /** The same rows, every list shuffled. */
  CanonicalData shuffled(long seed) {
    Random random = new Random(seed);
    List<Touchpoint> t = new ArrayList<>(touches);
    List<Lead> l = new ArrayList<>(leads);
    List<Deal> d = new ArrayList<>(deals);
    List<Payment> p = new ArrayList<>(payments);
    List<Account> a = new ArrayList<>(accounts);
    List<Contact> c = new ArrayList<>(contacts);
    Collections.shuffle(t, random);
    Collections.shuffle(l, random);
    Collections.shuffle(d, random);
    Collections.shuffle(p, random);
    Collections.shuffle(a, random);
    Collections.shuffle(c, random);
    return new CanonicalData(List.of(), t, l, d, List.of(), p, a, c, List.of(), List.of());
  }
}
