package org.revtrace.core.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.revtrace.core.journey.Journeys;

/** Models side by side and the not-enough-data guard of the data-driven ones. */
class ModelComparisonTest {

  private static final List<ModelName> MODELS =
      List.of(ModelName.FIRST_TOUCH, ModelName.LAST_TOUCH, ModelName.SHAPLEY, ModelName.MARKOV);

  @Test
  void comparesModelsChannelByChannel() {
    Journeys journeys =
        new ToyJourneys()
            .add("seo>email", 80, true)
            .add("email", 30, true)
            .add("vk", 5, true)
            .add("vk", 40, false)
            .build();
    ModelComparison.Result result =
        ModelComparison.compute(journeys, MODELS, ModelSettings.defaults(), HalfLife.MINIMUM);
    assertThat(result.conversions()).isEqualTo(115);
    assertThat(result.verdict(ModelName.SHAPLEY).status())
        .isEqualTo(DataSufficiency.Status.ATTRIBUTED);
    assertThat(result.verdict(ModelName.SHAPLEY).thinChannels()).containsExactly("vk");
    assertThat(result.rows())
        .extracting(ModelComparison.Row::channel)
        .containsExactly("email", "seo", "vk");
    ModelComparison.Row email = result.rows().get(0);
    assertThat(email.cell(ModelName.FIRST_TOUCH).conversions()).isCloseTo(30, within(1e-9));
    assertThat(email.cell(ModelName.LAST_TOUCH).conversions()).isCloseTo(110, within(1e-9));
    // Shapley, conversions game: email 30 + 80/2 = 70 of 115.
    assertThat(email.cell(ModelName.SHAPLEY).conversions()).isCloseTo(70, within(1e-9));
    assertThat(email.cell(ModelName.SHAPLEY).share()).isCloseTo(70.0 / 115, within(1e-12));
    assertThat(result.rows().get(2).cell(ModelName.SHAPLEY).thin()).isTrue();
    for (ModelName model : MODELS) {
      double shares = 0;
      for (ModelComparison.Row row : result.rows()) {
        shares += row.cell(model).share();
      }
      assertThat(shares).isCloseTo(1, within(1e-9));
    }
  }

  @Test
  void dataDrivenModelsSayNotEnoughDataInsteadOfGuessing() {
    Journeys journeys = new ToyJourneys().add("seo>email", 60, true).add("vk", 39, true).build();
    ModelComparison.Result result =
        ModelComparison.compute(journeys, MODELS, ModelSettings.defaults(), HalfLife.MINIMUM);
    assertThat(result.verdict(ModelName.MARKOV).status())
        .isEqualTo(DataSufficiency.Status.NOT_ENOUGH_DATA);
    assertThat(result.verdict(ModelName.FIRST_TOUCH).status())
        .isEqualTo(DataSufficiency.Status.ATTRIBUTED);
    ModelComparison.Cell cell = result.rows().get(0).cell(ModelName.SHAPLEY);
    assertThat(cell.status()).isEqualTo(DataSufficiency.Status.NOT_ENOUGH_DATA);
    assertThat(cell.conversions()).isZero();
    assertThat(result.rows().get(0).cell(ModelName.LAST_TOUCH).conversions()).isPositive();
  }
}
