package org.revtrace.core.attribution;

import java.time.Duration;

/** Creates the model of a name with its settings. */
public final class AttributionModels {

  private AttributionModels() {}

  /**
   * The model {@code name} configured by {@code settings}; {@code defaultHalfLife} is used by time
   * decay when the settings give none.
   */
  public static AttributionModel create(
      ModelName name, ModelSettings settings, Duration defaultHalfLife) {
    String code = name.code();
    return switch (name) {
      case FIRST_TOUCH -> new RuleBasedModel(code, Rules::firstTouch);
      case LAST_TOUCH -> new RuleBasedModel(code, Rules::lastTouch);
      case LAST_NON_DIRECT -> new RuleBasedModel(code, Rules::lastNonDirect);
      case LINEAR -> new RuleBasedModel(code, Rules::linear);
      case POSITION_BASED ->
          new RuleBasedModel(
              code, Rules.positionBased(settings.firstShare(), settings.lastShare()));
      case W_SHAPED -> new RuleBasedModel(code, MilestoneRule.wShaped());
      case FULL_PATH -> new RuleBasedModel(code, MilestoneRule.fullPath());
      case TIME_DECAY ->
          new RuleBasedModel(
              code,
              new TimeDecayRule(
                  settings.halfLife() != null ? settings.halfLife() : defaultHalfLife));
      case CUSTOM_WEIGHTS ->
          new RuleBasedModel(code, new TouchTypeRule(settings.touchTypeWeights()));
      case MARKOV -> new MarkovModel(settings.markovOrder(), settings.markovNullPaths());
      case SHAPLEY -> new ShapleyModel(settings.shapley());
    };
  }
}
