package org.revtrace.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.revtrace.core.dataset.Dataset;

/** Worked examples of identity resolution, one rule at a time, then chains, guards and order. */
class IdentityResolverTest {

  /** SHA-256 of "password": stands in for a hashed e-mail or phone. */
  private static final String HASH =
      "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8";

  private static Identities resolve(IdentityData data) {
    return IdentityResolver.resolve(data.build(), IdentityOptions.defaults());
  }

  private static int person(Identities identities, String id) {
    assertThat(identities.personsOf(id)).hasSize(1);
    return identities.personsOf(id).iterator().next();
  }

  @Test
  void aVisitorNamedWithAContactIsThatContact() {
    Identities identities =
        resolve(
            new IdentityData()
                .touch("v1", null, null, 0)
                .touch("v1", "c1", null, 1)
                .touch("v2", null, null, 2));

    assertThat(identities.personCount()).isEqualTo(2);
    assertThat(identities.touchPerson()[0]).isEqualTo(identities.touchPerson()[1]);
    assertThat(identities.merges())
        .containsExactly(
            new Merge(MergeKind.PERSON, MergeRule.VISITOR_ID, "contact:c1", "visitor:v1", "v1"));
    assertThat(identities.personName(identities.touchPerson()[0])).isEqualTo("contact:c1");
    assertThat(identities.summary().identifiers()).isEqualTo(3);
    assertThat(identities.summary().people()).isEqualTo(2);
  }

  @Test
  void aClickIdOnALandingPageFindsTheLeadThatCarriesIt() {
    Identities identities =
        resolve(
            new IdentityData()
                .touch("v1", null, "https://acme.ru/demo?utm_source=ya&yclid=8412345678#form", 0)
                .touch("v2", null, "https://acme.ru/demo?gclid=Cj0KCQiA", 0)
                .lead("L1", 1, null, null, null, null, "8412345678")
                .lead("L2", 1, null, null, null, null, "gclid=Cj0KCQiA"));

    assertThat(person(identities, "lead:L1")).isEqualTo(person(identities, "visitor:v1"));
    assertThat(person(identities, "lead:L2")).isEqualTo(person(identities, "visitor:v2"));
    assertThat(identities.merges())
        .containsExactly(
            new Merge(MergeKind.PERSON, MergeRule.CLICK_ID, "lead:L1", "visitor:v1", "841234…"),
            new Merge(MergeKind.PERSON, MergeRule.CLICK_ID, "lead:L2", "visitor:v2", "Cj0KCQ…"));
  }

  @Test
  void theSameEmailJoinsALeadToItsContactAndShowsOnlyAHashPrefix() {
    Identities identities =
        resolve(
            new IdentityData()
                .contact("c1", null, HASH + "@acme.ru", null)
                .lead("L1", 0, null, "v9", HASH + "@acme.ru", null, null));

    assertThat(identities.personCount()).isEqualTo(1);
    assertThat(identities.merges(MergeRule.EMAIL))
        .containsExactly(
            new Merge(
                MergeKind.PERSON,
                MergeRule.EMAIL,
                "visitor:v9",
                "contact:c1",
                "5e884898da…@acme.ru"));
  }

  @Test
  void aHashStoredWithoutItsDomainStillMatchesOneWithIt() {
    Identities identities =
        resolve(
            new IdentityData()
                .contact("c1", null, HASH, null)
                .lead("L1", 0, null, null, HASH + "@acme.ru", null, null));

    assertThat(identities.personCount()).isEqualTo(1);
  }

  @Test
  void theSamePhoneJoinsPeopleAndARawPhoneShowsOnlyItsLastDigits() {
    Identities identities =
        resolve(
            new IdentityData()
                .contact("c1", null, null, "+7 (916) 123-45-67")
                .lead("L1", 0, null, null, null, "89161234567", null));

    assertThat(identities.personCount()).isEqualTo(1);
    assertThat(identities.merges())
        .containsExactly(
            new Merge(MergeKind.PERSON, MergeRule.PHONE, "lead:L1", "contact:c1", "…67"));
  }

  @Test
  void rulesChainTransitivelyAndExplainShowsTheWholeChain() {
    Identities identities =
        resolve(
            new IdentityData()
                .touch("v1", null, "https://acme.ru/?gclid=abc123", 0)
                .lead("L1", 1, null, null, "anna@acme.ru", null, "abc123")
                .contact("c1", null, "anna@acme.ru", "79161234567")
                .lead("L2", 40, null, "v3", null, "79161234567", null));

    assertThat(identities.personCount()).isEqualTo(1);
    assertThat(identities.personName(0)).isEqualTo("contact:c1");
    assertThat(identities.merges().stream().map(Merge::rule).toList())
        .containsExactly(
            MergeRule.CLICK_ID, MergeRule.EMAIL, MergeRule.PHONE, MergeRule.DERIVED_DOMAIN);
    assertThat(identities.explain("v3")).isEqualTo(identities.merges());
    assertThat(identities.explain("L2")).isEqualTo(identities.merges());
    assertThat(identities.explain("nobody")).isEmpty();
  }

  @Test
  void aKeySharedByMoreThanTheLimitIsRefusedAndReported() {
    IdentityData data = new IdentityData();
    for (int c = 1; c <= 6; c++) {
      data.contact("c" + c, null, "info@acme.ru", null);
    }
    data.contact("a1", null, null, "74950000000").contact("a2", null, null, "74950000000");
    Identities identities = resolve(data);

    assertThat(identities.personCount()).isEqualTo(7);
    assertThat(identities.summary().refusedKeys())
        .containsExactly(new RefusedKey(MergeRule.EMAIL, "i…@acme.ru", 6));
    assertThat(identities.summary().merges(MergeRule.PHONE)).isEqualTo(1);

    Identities fiveAllowed =
        IdentityResolver.resolve(data.build(), IdentityOptions.defaults().withMaxPeoplePerKey(6));
    assertThat(fiveAllowed.personCount()).isEqualTo(2);
    assertThat(fiveAllowed.summary().merges(MergeRule.EMAIL)).isEqualTo(5);
  }

  @Test
  void aSharedComputerVisitorIdIsRefusedToo() {
    IdentityData data = new IdentityData();
    for (int c = 1; c <= 6; c++) {
      data.touch("office-pc", "c" + c, null, c);
    }
    Identities identities = resolve(data);

    assertThat(identities.personCount()).isEqualTo(7);
    assertThat(identities.summary().refusedKeys())
        .containsExactly(new RefusedKey(MergeRule.VISITOR_ID, "office-pc", 6));
  }

  @Test
  void repeatedLeadsOfOnePersonDoNotCountAsManyPeopleForTheGuard() {
    IdentityData data = new IdentityData();
    for (int l = 1; l <= 8; l++) {
      data.lead("L" + l, l * 40, null, null, "anna@acme.ru", null, null);
    }
    Identities identities = resolve(data);

    assertThat(identities.personCount()).isEqualTo(1);
    assertThat(identities.summary().refusedKeys()).isEmpty();
  }

  @Test
  void crmCompanyComesFirstThenTheEmailDomainMatchedToAnAccount() {
    Identities identities =
        resolve(
            new IdentityData()
                .account("a1", "https://www.Acme.ru/about")
                .account("a2", "beta.ru")
                .contact("c1", "a2", "boss@acme.ru", null)
                .lead("L1", 0, null, null, HASH + "@msk.acme.ru", null, null)
                .lead("L2", 0, null, "v5", null, null, null));

    assertThat(identities.personAccount(person(identities, "c1"))).isEqualTo("a2");
    assertThat(identities.personAccount(person(identities, "L1"))).isEqualTo("a1");
    assertThat(identities.personAccount(person(identities, "v5"))).isNull();
    assertThat(identities.merges())
        .containsExactly(
            new Merge(MergeKind.ACCOUNT, MergeRule.CRM_COMPANY, "contact:c1", "account:a2", "a2"),
            new Merge(
                MergeKind.ACCOUNT, MergeRule.EMAIL_DOMAIN, "lead:L1", "account:a1", "msk.acme.ru"));
  }

  @Test
  void aPersonWithoutAContactTakesTheAccountOfItsEarliestTouchOrLead() {
    Identities identities =
        resolve(
            new IdentityData()
                .lead("L1", 5, null, "a-late", "v1", null, null, null, -1)
                .lead("L2", 1, null, "b-early", "v1", null, null, null, -1));

    assertThat(identities.personAccount(0)).isEqualTo("b-early");
  }

  @Test
  void freeMailDomainsNeverMakeOrMatchAnAccount() {
    Identities identities =
        resolve(
            new IdentityData()
                .account("weird", "gmail.com")
                .lead("L1", 0, null, null, "anna@gmail.com", null, null)
                .lead("L2", 0, null, null, "boris@corp.mail.ru", null, null));

    assertThat(identities.personAccount(person(identities, "L1"))).isNull();
    assertThat(identities.personAccount(person(identities, "L2"))).isNull();
    assertThat(identities.derivedAccounts()).isEmpty();
    assertThat(FreeMailDomains.bundled()).contains("gmail.com", "yandex.ru", "mail.ru", "ya.ru");
  }

  @Test
  void aCorporateDomainNoAccountHasBecomesADerivedAccountForItsCommittee() {
    IdentityData data =
        new IdentityData()
            .lead("L1", 0, null, null, "anna@beta.io", null, null)
            .lead("L2", 3, null, null, "boris@beta.io", null, null);
    Identities identities = resolve(data);

    assertThat(identities.personCount()).isEqualTo(2);
    assertThat(identities.personAccount(0)).isEqualTo("domain:beta.io");
    assertThat(identities.personAccount(1)).isEqualTo("domain:beta.io");
    assertThat(identities.derivedAccounts()).containsEntry("domain:beta.io", "beta.io");
    assertThat(identities.summary().merges(MergeRule.DERIVED_DOMAIN)).isEqualTo(2);

    Dataset dataset = Dataset.of(data.build(), "RUB");
    assertThat(dataset.leadAccount()[0]).isEqualTo(dataset.leadAccount()[1]).isNotNegative();
    assertThat(dataset.accountName()[dataset.leadAccount()[0]]).isEqualTo("beta.io");

    Identities notDerived =
        IdentityResolver.resolve(
            data.build(), IdentityOptions.defaults().withDeriveAccounts(false));
    assertThat(notDerived.personAccount(0)).isNull();
  }

  @Test
  void leadsInsideTheWindowMergeIntoTheEarliestAndOutsideItStartAnew() {
    IdentityData data =
        new IdentityData()
            .lead("L3", 31, "c1", null, null, null, null, null, -1)
            .lead("L1", 0, "c1", null, null, null, null, null, -1)
            .lead("L2", 10, "c1", null, null, null, null, null, 12)
            .lead("L4", 40, "c1", null, null, null, null, null, 45)
            .lead("L5", 40, "c2", null, null, null, null, null, -1)
            .deal("D2", 20, "100.00", null, "L2");
    Identities identities = resolve(data);

    assertThat(identities.merges(MergeRule.DUPLICATE_LEAD))
        .containsExactly(
            new Merge(MergeKind.LEAD, MergeRule.DUPLICATE_LEAD, "lead:L2", "lead:L1", "contact:c1"),
            new Merge(
                MergeKind.LEAD, MergeRule.DUPLICATE_LEAD, "lead:L4", "lead:L3", "contact:c1"));
    assertThat(identities.summary().leads()).isEqualTo(5);
    assertThat(identities.summary().survivingLeads()).isEqualTo(3);

    Dataset dataset = Dataset.of(data.build(), "RUB");
    assertThat(dataset.leadCount()).isEqualTo(3);
    assertThat(dataset.leadId()).containsExactly("L3", "L1", "L5");
    assertThat(dataset.leadMql()[1]).isEqualTo(IdentityData.day(12).getEpochSecond());
    assertThat(dataset.leadMql()[0]).isEqualTo(IdentityData.day(45).getEpochSecond());
    assertThat(dataset.dealLead()[0]).isEqualTo(1);

    Dataset noMerging =
        Dataset.of(
            data.build(), "RUB", IdentityOptions.defaults().withDuplicateLeadWindow(Duration.ZERO));
    assertThat(noMerging.leadCount()).isEqualTo(5);
  }

  @Test
  void theWindowEndIsInclusive() {
    Identities identities =
        resolve(
            new IdentityData()
                .lead("L1", 0, "c1", null, null, null, null, null, -1)
                .lead("L2", 30, "c1", null, null, null, null, null, -1));

    assertThat(identities.summary().survivingLeads()).isEqualTo(1);
  }

  @Test
  void rowOrderChangesNothing() {
    IdentityData data =
        new IdentityData()
            .account("a1", "acme.ru")
            .contact("c1", "a1", "anna@acme.ru", "79160000001")
            .contact("c2", null, "boris@acme.ru", "79160000001")
            .touch("v1", "c1", "https://acme.ru/?gclid=g1", 0)
            .touch("v2", null, "https://acme.ru/?gclid=g1", 1)
            .touch("v3", "c2", null, 2)
            .lead("L1", 3, null, "v2", "anna@acme.ru", null, null)
            .lead("L2", 4, null, null, "carl@gamma.io", null, null)
            .lead("L3", 5, null, null, "carl@gamma.io", null, null)
            .deal("D1", 6, "10.00", "c1", "L3");
    Identities expected = IdentityResolver.resolve(data.build(), IdentityOptions.defaults());
    for (long seed = 1; seed <= 20; seed++) {
      Identities shuffled =
          IdentityResolver.resolve(data.shuffled(seed), IdentityOptions.defaults());
      assertThat(shuffled.merges()).isEqualTo(expected.merges());
      assertThat(shuffled.summary()).isEqualTo(expected.summary());
      for (String id : List.of("c1", "c2", "v1", "v2", "v3", "L1", "L2", "L3")) {
        assertThat(shuffled.personName(person(shuffled, id)))
            .isEqualTo(expected.personName(person(expected, id)));
      }
    }
  }

  @Test
  void clickIdsAreReadFromTheQueryOnly() {
    assertThat(ClickIds.inUrl("https://a.ru/p?x=1&gclid=A1&fbclid=B2&gclid=A1#yclid=no"))
        .containsExactly("A1", "B2");
    assertThat(ClickIds.inUrl("https://a.ru/gclid=A1")).isEmpty();
    assertThat(ClickIds.inUrl("https://a.ru/?xgclid=A1&gclid=")).isEmpty();
    assertThat(ClickIds.ofColumn(" yclid=77 ")).isEqualTo("77");
    assertThat(ClickIds.ofColumn("other=77")).isEqualTo("other=77");
    assertThat(ClickIds.ofColumn(" ")).isNull();
  }

  @Test
  void accountDomainsAreReducedToAHost() {
    assertThat(Domains.ofAccount(" HTTPS://www.Acme.RU:443/ru?x ")).isEqualTo("acme.ru");
    assertThat(Domains.ofAccount("localhost")).isNull();
    assertThat(Domains.ofEmail(HASH + "@Acme.ru")).isEqualTo("acme.ru");
    assertThat(Domains.ofEmail(HASH)).isNull();
    assertThat(Domains.parent("a.b.acme.ru")).isEqualTo("b.acme.ru");
    assertThat(Domains.parent("acme.ru")).isNull();
  }
}
