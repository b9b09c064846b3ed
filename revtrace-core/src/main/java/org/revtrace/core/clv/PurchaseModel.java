package org.revtrace.core.clv;

/**
 * A fitted model of repeat purchasing with latent attrition (BG/NBD or Pareto/NBD).
 *
 * <p>All times are in the {@link TimeScale} units of the summary the model was fitted on.
 */
public sealed interface PurchaseModel permits BgNbd, ParetoNbd {

  /** Maximised log-likelihood of the calibration data. */
  double logLikelihood();

  /** Probability that a customer with history {@code (x, t_x, T)} is still active at {@code T}. */
  double probabilityAlive(int x, double recency, double age);

  /**
   * Expected purchases in {@code (T, T + t]} of a customer with history {@code (x, t_x, T)}; 0 when
   * {@code t = 0}.
   */
  double expectedPurchases(double t, int x, double recency, double age);
}
