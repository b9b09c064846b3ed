/**
 * Google Analytics 4 BigQuery export rows (newline-delimited JSON or the flattened CSV form) as one
 * visit touchpoint per session ({@link org.revtrace.ingest.ga4.Ga4Sessions}). See
 * docs/connectors/touchpoints.md.
 */
package org.revtrace.ingest.ga4;
