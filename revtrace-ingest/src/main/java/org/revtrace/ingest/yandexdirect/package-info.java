/**
 * Yandex Direct spend: the Reports API v5 {@code CAMPAIGN_PERFORMANCE_REPORT} in TSV, read from a
 * file or fetched by {@link org.revtrace.ingest.yandexdirect.YandexDirectReports}. See
 * docs/connectors/ad-spend.md.
 */
package org.revtrace.ingest.yandexdirect;
