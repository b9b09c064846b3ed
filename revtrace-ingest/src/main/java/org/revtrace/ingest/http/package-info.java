/**
 * HTTP for the API connectors: JSON/TSV requests with retries and backoff on rate limits and server
 * errors, secrets kept out of messages and logs, and an injectable pause so tests run instantly.
 */
package org.revtrace.ingest.http;
