package org.revtrace.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.revtrace.core.dataset.Dataset;
import org.revtrace.core.model.CanonicalData;
import org.revtrace.core.model.Deal;
import org.revtrace.core.model.Lead;
import org.revtrace.core.model.Payment;

/**
 * Invariants of identity resolution on random data with few ids, so keys collide often: merging
 * never loses a lead, deal or payment, money totals are unchanged, and the result does not depend
 * on row order.
 */
class IdentityProperties {

  /**
   * A lead with the touch that preceded it and perhaps a deal with a payment; each small number
   * picks an id from a small pool (negative: none).
   */
  record Row(
      int contact,
      int visitor,
      int email,
      int phone,
      int click,
      int day,
      int deal,
      int amount,
      int touchVisitor,
      int touchContact) {}

  @Provide
  Arbitrary<List<Row>> rows() {
    Arbitrary<Integer> small = Arbitraries.integers().between(-1, 4);
    Arbitrary<Row> row =
        Combinators.combine(
                List.of(
                    small,
                    small,
                    small,
                    small,
                    small,
                    Arbitraries.integers().between(0, 120),
                    Arbitraries.integers().between(-1, 1),
                    Arbitraries.integers().between(1, 1_000_000),
                    small,
                    small))
            .as(
                v ->
                    new Row(
                        v.get(0), v.get(1), v.get(2), v.get(3), v.get(4), v.get(5), v.get(6),
                        v.get(7), v.get(8), v.get(9)));
    return row.list().ofMinSize(1).ofMaxSize(25);
  }

  static IdentityData data(List<Row> rows) {
    IdentityData data = new IdentityData();
    String[] domains = {"acme.ru", "gmail.com", "beta.io"};
    data.account("a0", "acme.ru");
    for (int r = 0; r < rows.size(); r++) {
      Row row = rows.get(r);
      if (row.touchVisitor() >= 0 || row.touchContact() >= 0) {
        data.touch(
            id("v", row.touchVisitor()),
            id("c", row.touchContact()),
            row.click() >= 0 ? "https://acme.ru/?gclid=g" + row.click() : null,
            row.day());
      }
      String email =
          row.email() < 0 ? null : "p" + row.email() + "@" + domains[row.email() % domains.length];
      data.lead(
          "L" + r,
          row.day(),
          id("c", row.contact()),
          id("v", row.visitor()),
          email,
          row.phone() < 0 ? null : "7916000000" + row.phone(),
          row.click() >= 0 && row.day() % 2 == 0 ? "g" + row.click() : null);
      if (row.contact() >= 0 && r % 3 == 0) {
        data.contact(id("c", row.contact()) + "-" + r, null, email, null);
      }
      if (row.deal() >= 0) {
        String amount = row.amount() + ".00";
        data.deal("D" + r, row.day() + 1, amount, id("c", row.contact()), "L" + r);
        if (row.deal() == 1) {
          data.payment("P" + r, row.day() + 2, amount, "D" + r);
        }
      }
    }
    return data;
  }

  private static String id(String prefix, int n) {
    return n < 0 ? null : prefix + n;
  }

  @Property
  void mergingNeverLosesALeadDealOrPayment(@ForAll("rows") List<Row> rows) {
    CanonicalData input = data(rows).build();
    Dataset dataset = Dataset.of(input, "RUB");
    Identities identities = dataset.identities();

    Set<String> kept = Set.of(dataset.leadId());
    Map<String, String> mergedInto =
        identities.merges(MergeRule.DUPLICATE_LEAD).stream()
            .collect(Collectors.toMap(m -> m.from().substring(5), m -> m.into().substring(5)));
    for (Lead lead : input.leads()) {
      boolean survives = kept.contains(lead.id());
      assertThat(survives).isNotEqualTo(mergedInto.containsKey(lead.id()));
      if (!survives) {
        assertThat(kept).contains(mergedInto.get(lead.id()));
      }
    }
    assertThat(dataset.leadCount()).isEqualTo(identities.summary().survivingLeads());
    assertThat(dataset.leadCount() + mergedInto.size()).isEqualTo(input.leads().size());

    assertThat(dataset.dealCount()).isEqualTo(input.deals().size());
    assertThat(dataset.paymentCount()).isEqualTo(input.payments().size());
    for (int d = 0; d < dataset.dealCount(); d++) {
      assertThat(dataset.dealLead()[d]).isNotNegative();
    }
    assertThat(LongStream.of(dataset.dealAmount()).sum())
        .isEqualTo(input.deals().stream().map(Deal::amount).mapToLong(m -> m.minor()).sum());
    assertThat(LongStream.of(dataset.paymentAmount()).sum())
        .isEqualTo(input.payments().stream().map(Payment::amount).mapToLong(m -> m.minor()).sum());
    long revenueOfDealsWithAnAccount = 0;
    for (int d = 0; d < dataset.dealCount(); d++) {
      revenueOfDealsWithAnAccount += dataset.dealAccount()[d] >= 0 ? dataset.dealRevenue()[d] : 0;
    }
    assertThat(LongStream.of(dataset.accountLifetimeRevenue()).sum())
        .isEqualTo(revenueOfDealsWithAnAccount);
  }

  @Property
  void resolutionDoesNotDependOnRowOrder(@ForAll("rows") List<Row> rows) {
    IdentityData data = data(rows);
    Identities expected = IdentityResolver.resolve(data.build(), IdentityOptions.defaults());
    Identities shuffled =
        IdentityResolver.resolve(data.shuffled(rows.size()), IdentityOptions.defaults());

    assertThat(shuffled.merges()).isEqualTo(expected.merges());
    assertThat(shuffled.summary()).isEqualTo(expected.summary());
    Set<String> ids = new HashSet<>();
    data.leads.forEach(lead -> ids.add("lead:" + lead.id()));
    data.touches.forEach(
        touch -> {
          if (touch.visitorId() != null) {
            ids.add("visitor:" + touch.visitorId());
          }
          if (touch.contactId() != null) {
            ids.add("contact:" + touch.contactId());
          }
        });
    for (String id : ids) {
      assertThat(names(shuffled, id)).as(id).isEqualTo(names(expected, id));
      assertThat(accounts(shuffled, id)).as(id).isEqualTo(accounts(expected, id));
    }
  }

  @Property
  void everyPersonMergeJoinsTwoIdsOfTheSamePerson(@ForAll("rows") List<Row> rows) {
    Identities identities =
        IdentityResolver.resolve(data(rows).build(), IdentityOptions.defaults());
    int personMerges = 0;
    for (Merge merge : identities.merges()) {
      if (merge.kind() == MergeKind.PERSON) {
        personMerges++;
        assertThat(identities.personsOf(merge.from()))
            .isEqualTo(identities.personsOf(merge.into()));
      }
    }
    // Each person merge joins two different people, so people = identifiers - person merges.
    assertThat(identities.summary().people())
        .isEqualTo(identities.summary().identifiers() - personMerges);
  }

  private static Set<String> names(Identities identities, String id) {
    return identities.personsOf(id).stream()
        .map(identities::personName)
        .collect(Collectors.toSet());
  }

  private static Set<String> accounts(Identities identities, String id) {
    return identities.personsOf(id).stream()
        .map(p -> String.valueOf(identities.personAccount(p)))
        .collect(Collectors.toSet());
  }
}
