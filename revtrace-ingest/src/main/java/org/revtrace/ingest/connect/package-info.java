/**
 * What the connectors share. Ad spend: the source of a report ({@link AdSource}), how campaigns map
 * to UTM campaigns ({@link CampaignMapping}), the collector that turns vendor records into
 * canonical spend rows and row errors ({@link SpendCollector}), vendor number formats ({@link
 * VendorNumbers}) and the day cursor with its restatement window ({@link SpendCursor}). CRMs: the
 * modification-time cursor ({@link SyncCursor}), reading API record fields with bad values reported
 * as {@code RowError}s ({@link ApiRecord}) and collecting mapped records into an {@code
 * ImportResult} ({@link CanonicalBatch}). See docs/connectors.
 */
package org.revtrace.ingest.connect;
