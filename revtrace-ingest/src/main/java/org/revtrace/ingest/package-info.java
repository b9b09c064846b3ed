/** Readers that turn files users have into canonical records, with row-level validation. */
package org.revtrace.ingest;
