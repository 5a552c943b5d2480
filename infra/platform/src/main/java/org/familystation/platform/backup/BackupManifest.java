package org.familystation.platform.backup;

import java.util.List;

/**
 * What a backup holds, written as its last entry ({@code manifest.json}): a backup without one is incomplete.
 *
 * @param format          the layout of the archive (1: one {@code COPY} text file per table under {@code tables/})
 * @param takenAt         when its snapshot was taken (UTC)
 * @param migrations      the schema's migrations: a backup is restored by an installation with the same ones
 * @param events          the events it holds
 * @param lastGlobalIndex the event-store position of its newest event (null: no events)
 * @param lastEventId     that event's id, by which a restore recognises an installation it already restored
 * @param tables          the tables it carries, the event store first
 */
public record BackupManifest(int format, String takenAt, List<String> migrations, long events, Long lastGlobalIndex,
                             String lastEventId, List<TableContents> tables) {

    static final int FORMAT = 1;
    static final String ENTRY = "manifest.json";

    /** One table's rows in the archive, under {@code tables/<name>.copy}. */
    public record TableContents(String name, List<String> columns, long rows) {

        String entry() {
            return "tables/" + name + ".copy";
        }
    }
}
