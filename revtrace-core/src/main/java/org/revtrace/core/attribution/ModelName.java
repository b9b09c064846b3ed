package org.revtrace.core.attribution;

import java.util.Locale;
import java.util.Optional;
import org.revtrace.core.model.Codes;

/** The attribution models Revtrace offers, by their report-contract names. */
public enum ModelName {
  FIRST_TOUCH,
  LAST_TOUCH,
  LAST_NON_DIRECT,
  LINEAR,
  POSITION_BASED,
  W_SHAPED,
  FULL_PATH,
  TIME_DECAY,
  CUSTOM_WEIGHTS,
  MARKOV,
  SHAPLEY;

  /** Whether the model learns its weights from the data (and so needs enough of it). */
  public boolean isDataDriven() {
    return switch (this) {
      case MARKOV, SHAPLEY -> true;
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

  /** The contract spelling: {@code last_non_direct}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ModelName> parse(String code) {
    return Codes.parse(ModelName.class, code, "-");
  }
}
