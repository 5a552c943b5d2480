package org.familystation.command.importing;

import jakarta.servlet.http.HttpServletResponse;
import org.familystation.command.importing.ImportJob.Outcome;
import org.familystation.command.importing.ImportJob.Progress;
import org.familystation.command.importing.ImportJob.RowResult;
import org.familystation.platform.error.DomainException;
import org.familystation.platform.input.NetworkDates;
import org.familystation.platform.security.AccessRefusals;
import org.familystation.platform.security.FamilyStationUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * Excel in: a template per kind, an upload that starts an import job (202), the job's progress, and its report as
 * JSON or .xlsx. Kinds: services, needs-surveys, volunteers, funds.
 */
@RestController
public class ImportController {

    private final ImportJobs imports;
    private final NetworkDates dates;
    private final Clock clock;

    public ImportController(ImportJobs imports, NetworkDates dates, Clock clock) {
        this.imports = imports;
        this.dates = dates;
        this.clock = clock;
    }

    @GetMapping("/api/imports/{kind}/template")
    public ResponseEntity<byte[]> template(@PathVariable String kind) {
        ImportKind imported = ImportKind.of(kind);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(ImportSheets.XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(imported.label() + "导入模板.xlsx"))
                .body(ImportSheets.template(imported, dates.getTimeZone()));
    }

    /** Checks the file and starts importing it: 202 with the job's progress, and where to follow it. */
    @PostMapping("/api/imports/{kind}")
    public ResponseEntity<Progress> start(@PathVariable String kind,
                                          @RequestParam(value = "file", required = false) MultipartFile file) {
        ImportJob job = imports.start(ImportKind.of(kind), file, user());
        return ResponseEntity.accepted().location(URI.create("/api/import-jobs/" + job.jobId()))
                .body(job.progress(clock));
    }

    @GetMapping("/api/import-jobs/{jobId}")
    public Progress progress(@PathVariable String jobId) {
        return imports.find(jobId, user()).progress();
    }

    /** The rows done so far, in the sheet's order; {@code outcome} keeps one kind (REFUSED, for example). */
    @GetMapping("/api/import-jobs/{jobId}/rows")
    public List<RowResult> rows(@PathVariable String jobId, @RequestParam(required = false) Outcome outcome) {
        return imports.rows(jobId, outcome, user());
    }

    @GetMapping("/api/import-jobs/{jobId}/report.xlsx")
    public void report(@PathVariable String jobId, HttpServletResponse response) throws IOException {
        ImportJobStore.StoredJob job = imports.find(jobId, user());
        List<RowResult> rows = imports.rows(jobId, null, user());
        response.setContentType(ImportSheets.XLSX);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                attachment(job.kind().label() + "导入报告-" + jobId.substring(0, 8).toLowerCase(Locale.ROOT) + ".xlsx"));
        ImportSheets.report(job.progress(), rows, dates.getTimeZone(), response.getOutputStream());
    }

    private static String attachment(String filename) {
        return ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString();
    }

    private static FamilyStationUser user() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof FamilyStationUser user) {
            return user;
        }
        throw DomainException.refuse(AccessRefusals.FORBIDDEN);
    }
}
