package org.familystation.platform.backup;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * {@code GET /api/admin/backup} (ADMIN): a backup of the system of record, streamed as it is read. The headers say
 * which point of the history it holds; a connection that breaks off leaves an archive without its manifest, which a
 * restore refuses.
 */
@RestController
public class BackupController {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final Backup backup;

    public BackupController(Backup backup) {
        this.backup = backup;
    }

    @GetMapping("/api/admin/backup")
    public void backup(HttpServletResponse response) throws SQLException, IOException {
        try (Backup.Snapshot snapshot = backup.take()) {
            response.setContentType("application/zip");
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"familystation-backup-"
                    + FILE_TIME.format(snapshot.takenAt()) + ".zip\"");
            response.setHeader("X-Backup-Events", Long.toString(snapshot.events()));
            if (snapshot.lastGlobalIndex() != null) {
                response.setHeader("X-Backup-Last-Global-Index", Long.toString(snapshot.lastGlobalIndex()));
            }
            snapshot.writeTo(response.getOutputStream());
        }
    }
}
