package org.revtrace.core.journey;

/** Whose touches make a journey: the converting person's, or every contact's of their account. */
public enum JourneyLevel {
  /** The touches of the person (contact or visitor) who converted. */
  PERSON,
  /** The touches of every contact of the converting account: the buying committee (ABM). */
  ACCOUNT
}
