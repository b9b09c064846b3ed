package org.revtrace.app.demo;

import org.revtrace.core.model.TouchType;

/**
 * One planned touchpoint before it becomes a row.
 *
 * @param at epoch second
 * @param channel catalog index
 * @param contact the person, or null for anonymous traffic that never becomes a contact
 * @param anonymous whether the row carries only the visitor id (the person is not known yet)
 * @param campaign {@code utm_campaign}, empty when none
 * @param converting whether this is the touch that created the lead
 */
record Touch(
    long at,
    int channel,
    TouchType type,
    String visitorId,
    Contact contact,
    boolean anonymous,
    String campaign,
    boolean converting) {}
