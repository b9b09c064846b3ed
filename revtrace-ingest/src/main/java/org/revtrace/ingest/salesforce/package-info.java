/**
 * Salesforce connector: reads leads, opportunities, opportunity stage history, accounts and
 * contacts incrementally through the REST query API (SOQL on {@code SystemModstamp}) with an OAuth
 * access token, refreshed by the refresh-token grant when it expires, and maps them to canonical
 * records. See {@code docs/connectors/crm.md}.
 */
package org.revtrace.ingest.salesforce;
