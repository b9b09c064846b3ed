/**
 * Inbound CRM webhooks: {@code POST /hooks/bitrix24/{connection}} (Bitrix24 event handlers,
 * authenticated by the application token) and {@code POST /hooks/amocrm/{connection}/{secret}}
 * (amoCRM webhooks, authenticated by the secret in the URL). Each accepted change is recorded once
 * in {@code webhook_events}; a background applier coalesces a connection's pending events and runs
 * its incremental sync, then refreshes the loaded reports. See docs/connectors/webhooks.md.
 */
package org.revtrace.app.hooks;
