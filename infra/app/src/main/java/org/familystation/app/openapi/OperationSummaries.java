package org.familystation.app.openapi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The table of operation summaries ({@code openapi/summaries.txt}): "METHOD path = 中文 · English" per line. */
final class OperationSummaries {

    private static final String TABLE = "openapi/summaries.txt";

    private final Map<String, String> byOperation;

    private OperationSummaries(Map<String, String> byOperation) {
        this.byOperation = byOperation;
    }

    static OperationSummaries load() {
        Map<String, String> summaries = new HashMap<>();
        try (InputStream in = OperationSummaries.class.getClassLoader().getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException(TABLE + " is missing");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                int separator = line.indexOf(" = ");
                if (!line.isBlank() && !line.startsWith("#") && separator > 0) {
                    summaries.put(line.substring(0, separator).strip(), line.substring(separator + 3).strip());
                }
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return new OperationSummaries(summaries);
    }

    /** The summary of "METHOD /path/{template}". */
    Optional<String> of(String method, String path) {
        return Optional.ofNullable(byOperation.get(method + " " + path));
    }
}
