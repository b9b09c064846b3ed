/** The runnable Revtrace jar: command line and wiring. */
package org.revtrace.app;
