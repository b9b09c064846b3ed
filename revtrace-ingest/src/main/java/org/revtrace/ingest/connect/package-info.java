/**
 * Shared pieces of the API connectors: the incremental-sync cursor, reading the fields of an API
 * record with bad values reported as {@code RowError}s, and collecting mapped records into an
 * {@code ImportResult}.
 */
package org.revtrace.ingest.connect;
