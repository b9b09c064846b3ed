/**
 * HubSpot connector: reads companies, contacts and deals incrementally through the CRM search API
 * with a private-app token, plus deal pipelines, associations and deal stage history, and maps them
 * to canonical records. See {@code docs/connectors/crm.md}.
 */
package org.revtrace.ingest.hubspot;
