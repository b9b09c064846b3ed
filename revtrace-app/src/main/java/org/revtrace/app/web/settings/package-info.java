/**
 * The settings pages and API of the server: connections to CRMs and ad platforms kept in the store
 * ({@code /settings/connections}, {@code /api/v1/connections}), their test and "sync now" buttons,
 * the sync history, and the scheduled syncs.
 */
package org.revtrace.app.web.settings;
