/**
 * PostgreSQL storage of Revtrace: the embedded or external database, Flyway migrations, COPY
 * loaders and the read-only views for BI tools (docs/store.md).
 */
package org.revtrace.store;
