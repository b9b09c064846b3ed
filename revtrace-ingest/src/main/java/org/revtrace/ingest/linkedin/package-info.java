/**
 * LinkedIn Ads spend: the Campaign Manager campaign performance CSV export. See
 * docs/connectors/ad-spend.md.
 */
package org.revtrace.ingest.linkedin;
