/**
 * amoCRM connector: reads leads (amoCRM's deals), contacts, companies and pipelines through API v4
 * with a long-lived token and maps them to canonical records. See {@code docs/connectors/crm.md}.
 */
package org.revtrace.ingest.amocrm;
