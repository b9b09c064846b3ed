/**
 * What the ad-spend connectors share: the source of a report ({@link AdSource}), how campaigns map
 * to UTM campaigns ({@link CampaignMapping}), the collector that turns vendor records into
 * canonical spend rows and row errors ({@link SpendCollector}), vendor number formats ({@link
 * VendorNumbers}) and the incremental sync cursor ({@link SyncCursor}). See docs/connectors.
 */
package org.revtrace.ingest.connect;
