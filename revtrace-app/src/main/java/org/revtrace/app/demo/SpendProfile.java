package org.revtrace.app.demo;

/**
 * How a channel spends money at the default scale (600 accounts).
 *
 * @param currency ISO code the platform bills in
 * @param pacing when spend rows occur
 * @param budget major units per day, month or event (by pacing), split over active campaigns
 * @param costPerClick major units per click; 0 when the channel has no clicks (sponsorships)
 * @param clickThroughRate clicks per impression
 */
record SpendProfile(
    String currency, Pacing pacing, double budget, double costPerClick, double clickThroughRate) {

  /** When spend rows occur. */
  enum Pacing {
    DAILY,
    MONTHLY,
    PER_EVENT
  }
}
