/**
 * Deterministic B2B demo data: writes every canonical CSV file plus {@code ground_truth.json} with
 * the planted channel effects and dirty rows, so importers and attribution models can be checked
 * against a known answer. The entry point is {@link org.revtrace.app.demo.DemoGenerator}.
 */
package org.revtrace.app.demo;
