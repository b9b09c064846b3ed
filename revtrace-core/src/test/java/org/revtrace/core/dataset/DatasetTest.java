package org.revtrace.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.revtrace.core.model.DealStatus;
import org.revtrace.core.model.Money;
import org.revtrace.core.testing.DataBuilder;

/** Indexing: identity, currency conversion, stage history and account attributes. */
class DatasetTest {

  @Test
  void visitorAndContactNamedTogetherAreOnePerson() {
    Dataset data =
        Dataset.of(
            new DataBuilder()
                .touch("c1", "seo", 0)
                .touch("c2", "email", 1)
                .lead("L1", "c1", 2, -1, -1)
                .contact("c1", "acme")
                .contact("c2", "acme")
                .build(),
            "RUB");
    assertThat(data.personCount()).isEqualTo(2);
    assertThat(data.leadPerson()[0]).isEqualTo(data.touchPerson()[0]);
    assertThat(data.personAccount()[0]).isEqualTo(data.personAccount()[1]);
  }

  @Test
  void stageChangesAreOrderedByDealThenTimeAndUnknownDealsAreLeftOut() {
    Dataset data =
        Dataset.of(
            new DataBuilder()
                .deal("D1", null, "c1", 0, DealStatus.OPEN, "10.00")
                .deal("D2", null, "c2", 0, DealStatus.OPEN, "10.00")
                .stage("D2", "proposal", 5)
                .stage("D1", "sql", 3)
                .stage("D2", "sql", 1)
                .stage("D9", "sql", 1)
                .build(),
            "RUB");
    assertThat(data.stageChangeCount()).isEqualTo(3);
    assertThat(data.dealStageChangeStart()).containsExactly(0, 1, 3);
    assertThat(data.stages().decode(data.stageChangeStage()[1])).isEqualTo("sql");
    assertThat(data.stages().decode(data.stageChangeStage()[2])).isEqualTo("proposal");
  }

  @Test
  void moneyIsConvertedAtTheLatestRateOnOrBeforeItsDateAndRowsWithoutARateAreReported() {
    Dataset data =
        Dataset.of(
            new DataBuilder()
                .rate(0, "USD", "90.5")
                .rate(10, "USD", "100")
                .spendIn("google", 5, Money.parse("10.00", "USD"))
                .spendIn("google", 12, Money.parse("1.00", "USD"))
                .spendIn("linkedin", 5, Money.parse("1.00", "EUR"))
                .build(),
            "RUB");
    assertThat(data.spendCount()).isEqualTo(2);
    assertThat(data.spendCost()).containsExactly(90_500L, 10_000L);
    assertThat(data.conversionErrors()).hasSize(1);
    assertThat(data.conversionErrors().get(0).code().name()).isEqualTo("MISSING_RATE");
  }

  @Test
  void accountAttributesAreKeptForSegments() {
    Dataset data =
        Dataset.of(
            new DataBuilder().account("acme", "retail", "51-200", "Moscow", "A").build(), "RUB");
    int acme = data.accounts().find("acme");
    assertThat(data.accountIndustry()[acme]).isEqualTo("retail");
    assertThat(data.accountTier()[acme]).isEqualTo("A");
  }
}
