/**
 * What the core needs from outside, as ports named by plural nouns; adapters (the PostgreSQL store,
 * in-memory fakes) implement them.
 */
package org.revtrace.core.port;
