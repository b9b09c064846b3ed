/**
 * Bitrix24 CRM connector: reads leads, deals, deal stage history, contacts and companies through
 * the REST API (incoming webhook or OAuth token) and maps them to canonical records. See {@code
 * docs/connectors/crm.md}.
 */
package org.revtrace.ingest.bitrix24;
