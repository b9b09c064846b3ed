package org.revtrace.core.testing;

import java.util.Arrays;
import java.util.List;
import org.revtrace.core.model.Account;
import org.revtrace.core.model.Contact;
import org.revtrace.core.model.Cost;
import org.revtrace.core.model.Deal;
import org.revtrace.core.model.Lead;
import org.revtrace.core.model.Payment;
import org.revtrace.core.model.Rate;
import org.revtrace.core.model.Spend;
import org.revtrace.core.model.StageChange;
import org.revtrace.core.model.Touchpoint;

/** The row keys of {@link org.revtrace.core.port.ImportBatches}, without the source. */
final class RowKeys {

  private RowKeys() {}

  static List<Object> spend(Spend s) {
    return Arrays.asList(
        "spend",
        s.date(),
        s.channel(),
        s.utm().source(),
        s.utm().medium(),
        s.utm().campaign(),
        s.cost().currency());
  }

  static List<Object> touchpoint(Touchpoint t) {
    return List.of("touchpoint", t.id());
  }

  static List<Object> lead(Lead l) {
    return List.of("lead", l.id());
  }

  static List<Object> deal(Deal d) {
    return List.of("deal", d.id());
  }

  static List<Object> stageChange(StageChange c) {
    return List.of("stage", c.dealId(), c.stage(), c.enteredAt());
  }

  static List<Object> payment(Payment p) {
    return List.of("payment", p.id());
  }

  static List<Object> account(Account a) {
    return List.of("account", a.id());
  }

  static List<Object> contact(Contact c) {
    return List.of("contact", c.id());
  }

  static List<Object> cost(Cost c) {
    return Arrays.asList("cost", c.date(), c.category(), c.channel(), c.amount());
  }

  static List<Object> rate(Rate r) {
    return List.of("rate", r.date(), r.currency());
  }
}
