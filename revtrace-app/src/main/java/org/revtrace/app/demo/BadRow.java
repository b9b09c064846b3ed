package org.revtrace.app.demo;

/**
 * A planted row that an importer must quarantine.
 *
 * @param file canonical file name
 * @param line 1-based line number (the header is line 1)
 * @param id the row's id
 * @param column the unparsable column
 * @param value its raw text
 * @param copyOf the id of the good row it was copied from
 */
public record BadRow(
    String file, long line, String id, String column, String value, String copyOf) {}
