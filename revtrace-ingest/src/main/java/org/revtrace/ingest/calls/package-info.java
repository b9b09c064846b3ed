/**
 * Call tracking: call logs of CoMagic/UIS, Calltouch, Mango Office or any CSV read into {@link
 * org.revtrace.ingest.calls.PhoneCall}s ({@link org.revtrace.ingest.calls.CallLogReader}), matched
 * to leads by phone ({@link org.revtrace.ingest.calls.CallMatcher}) and turned into touchpoints of
 * type {@code call} ({@link org.revtrace.ingest.calls.CallTouchpoints}). See
 * docs/connectors/touchpoints.md.
 */
package org.revtrace.ingest.calls;
