package org.revtrace.core.attribution;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.revtrace.core.model.TouchType;

/**
 * Parameters of the models that have any.
 *
 * @param halfLife time-decay half-life; null to derive it from the data (see {@link
 *     HalfLife#fromSalesCycle})
 * @param firstShare position-based share of the first touch (default 0.4)
 * @param lastShare position-based share of the last touch (default 0.4)
 * @param touchTypeWeights custom weight per touch type (missing types weigh 1)
 * @param markovOrder Markov chain order, 1 to 4
 * @param markovNullPaths whether Markov uses non-converting journeys (null paths)
 * @param shapley Shapley value function, method and sampling
 */
public record ModelSettings(
    Duration halfLife,
    double firstShare,
    double lastShare,
    Map<TouchType, Double> touchTypeWeights,
    int markovOrder,
    boolean markovNullPaths,
    ShapleySettings shapley) {

  public ModelSettings {
    Objects.requireNonNull(touchTypeWeights, "touchTypeWeights");
    Objects.requireNonNull(shapley, "shapley");
    touchTypeWeights = Map.copyOf(touchTypeWeights);
    if (markovOrder < 1 || markovOrder > 4) {
      throw new IllegalArgumentException("Markov order must be 1 to 4: " + markovOrder);
    }
  }

  /** Settings with the default Shapley settings. */
  public ModelSettings(
      Duration halfLife,
      double firstShare,
      double lastShare,
      Map<TouchType, Double> touchTypeWeights,
      int markovOrder,
      boolean markovNullPaths) {
    this(
        halfLife,
        firstShare,
        lastShare,
        touchTypeWeights,
        markovOrder,
        markovNullPaths,
        ShapleySettings.defaults());
  }

  public static ModelSettings defaults() {
    return new ModelSettings(
        null, 0.4, 0.4, new EnumMap<>(TouchType.class), 1, true, ShapleySettings.defaults());
  }

  public ModelSettings withHalfLife(Duration value) {
    return new ModelSettings(
        value, firstShare, lastShare, touchTypeWeights, markovOrder, markovNullPaths, shapley);
  }

  public ModelSettings withTouchTypeWeights(Map<TouchType, Double> value) {
    return new ModelSettings(
        halfLife, firstShare, lastShare, value, markovOrder, markovNullPaths, shapley);
  }

  public ModelSettings withMarkov(int order, boolean nullPaths) {
    return new ModelSettings(
        halfLife, firstShare, lastShare, touchTypeWeights, order, nullPaths, shapley);
  }

  public ModelSettings withShapley(ShapleySettings value) {
    return new ModelSettings(
        halfLife, firstShare, lastShare, touchTypeWeights, markovOrder, markovNullPaths, value);
  }

  /** Whether {@code model} needs the non-converting journeys too (null paths, conversion rates). */
  public boolean needsNonConverting(ModelName model) {
    return switch (model) {
      case MARKOV -> markovNullPaths;
      case SHAPLEY -> shapley.valueFunction() == ShapleySettings.ValueFunction.CONVERSION_RATE;
      case FIRST_TOUCH,
          LAST_TOUCH,
          LAST_NON_DIRECT,
          LINEAR,
          POSITION_BASED,
          W_SHAPED,
          FULL_PATH,
          TIME_DECAY,
          CUSTOM_WEIGHTS ->
          false;
    };
  }
}
