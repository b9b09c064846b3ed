/** The web tracker's events as touchpoints of the journeys. */
package org.revtrace.ingest.tracker;
