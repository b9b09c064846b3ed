package org.revtrace.ingest.connect;

import org.revtrace.ingest.canonical.ImportResult;

/**
 * An ad platform's API client as a sync sees it: the campaign spend of a range of days, as spend
 * rows and row errors.
 */
@FunctionalInterface
public interface SpendReader {

  /**
   * The spend rows of every day in {@code range}, one per campaign and day (the platform's own rows
   * mapped through a {@link CampaignMapping}).
   *
   * @throws org.revtrace.ingest.http.ApiException when the platform refuses or fails
   */
  ImportResult fetch(DateRange range);
}
