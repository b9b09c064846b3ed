/**
 * Google Ads spend: API rows ({@code GoogleAdsService.SearchStream}/{@code Search} JSON and the
 * Fivetran-synced {@code campaign_stats} table) and the UI "Campaign report" CSV download, each
 * turned into canonical spend rows. See docs/connectors/ad-spend.md.
 */
package org.revtrace.ingest.googleads;
