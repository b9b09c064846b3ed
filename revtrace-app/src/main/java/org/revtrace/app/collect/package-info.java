/**
 * The first-party web tracker's server side: {@code /t.js} serves the script, {@code POST /collect}
 * validates events, filters bots, limits each client address, sets the HTTP-only visitor cookie and
 * acknowledges an event only after it is committed ({@link EventWriter}'s group commits).
 */
package org.revtrace.app.collect;
