package org.revtrace.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.revtrace.core.model.ErrorCode;
import org.revtrace.core.model.Money;
import org.revtrace.core.testing.DataBuilder;

class PurchasesTest {

  private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

  private final Dataset dataset =
      Dataset.of(
          new DataBuilder()
              .contact("c1", "acme")
              .wonDeal("d1", null, "c1", 0, 2, "500")
              .payment("p1", "d1", 3, "100.50")
              .accountPayment("p2", null, "globex", 4.9, Money.ofMajor(new BigDecimal("7"), "USD"))
              .accountPayment("p3", null, "globex", 5, DataBuilder.rub("20"))
              .accountPayment("p4", null, null, 6, DataBuilder.rub("1"))
              .build(),
          "RUB");

  @Test
  void indexesConvertiblePaymentsWithTheirAccountAndDeal() {
    assertThat(dataset.paymentCount()).isEqualTo(3);
    assertThat(dataset.paymentAmount()).containsExactly(10050, 2000, 100);
    assertThat(dataset.paymentTime()[0]).isEqualTo(DataBuilder.day(3).getEpochSecond());
    int acme = dataset.accounts().find("acme");
    int globex = dataset.accounts().find("globex");
    assertThat(dataset.paymentAccount()).containsExactly(acme, globex, -1);
    assertThat(dataset.paymentDeal()).containsExactly(0, -1, -1);
    assertThat(dataset.conversionErrors())
        .singleElement()
        .satisfies(error -> assertThat(error.code()).isEqualTo(ErrorCode.MISSING_RATE));
  }

  @Test
  void purchasesAreAccountPaymentsOnCalendarDaysInMajorUnits() {
    Purchases purchases = Purchases.ofPayments(dataset, MOSCOW);

    assertThat(purchases.customerCount()).isEqualTo(dataset.accounts().size());
    assertThat(purchases.customer())
        .containsExactly(dataset.accounts().find("acme"), dataset.accounts().find("globex"));
    assertThat(purchases.day())
        .containsExactly(
            (int) LocalDate.of(2025, 1, 4).toEpochDay(),
            (int) LocalDate.of(2025, 1, 6).toEpochDay());
    assertThat(purchases.amount()).containsExactly(100.5, 20.0);
  }
}
