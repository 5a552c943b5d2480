package org.familystation.command.importing;

import java.util.List;

/**
 * How the rows of one kind of import become commands: its template's columns and, for one row, the very command a
 * user would send through the API for it. Each kind's mapping lives in one class, so a change to the command is
 * made in one place.
 */
public interface RowMapping {

    List<Column> columns();

    /**
     * The command the row stands for.
     *
     * @param id the id the command creates (derived from the row, so that importing the row again finds it)
     */
    Object command(String id, ImportRow row);
}
