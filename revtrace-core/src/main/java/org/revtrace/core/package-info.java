/** Framework-free domain model and engines of Revtrace. */
package org.revtrace.core;
