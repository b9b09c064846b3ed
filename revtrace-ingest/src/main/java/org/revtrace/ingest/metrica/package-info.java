/**
 * Yandex Metrica: visits from the Logs API ({@link org.revtrace.ingest.metrica.MetricaLogsApi}) as
 * visit touchpoints ({@link org.revtrace.ingest.metrica.MetricaVisits}), synced by whole days with
 * a restatement window ({@link org.revtrace.ingest.metrica.MetricaSync}). See
 * docs/connectors/touchpoints.md.
 */
package org.revtrace.ingest.metrica;
