package org.familystation.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Recognising and stopping server processes, including ones left running by an earlier, killed application. */
final class Processes {

    private Processes() {
    }

    /** The live process whose id is on the first line of {@code pidFile}, if any. */
    static Optional<ProcessHandle> fromPidFile(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        try {
            return Files.readAllLines(pidFile).stream().findFirst()
                    .map(line -> Long.parseLong(line.trim()))
                    .flatMap(ProcessHandle::of)
                    .filter(ProcessHandle::isAlive);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code process} has {@code path} on its command line, e.g. as its home or data folder. */
    static boolean commandLineMentions(ProcessHandle process, Path path) {
        return process.info().commandLine().map(line -> line.contains(path.toString())).orElse(false);
    }

    /** Whether any running process has {@code path} on its command line. */
    static boolean anyCommandLineMentions(Path path) {
        return ProcessHandle.allProcesses().anyMatch(process -> commandLineMentions(process, path));
    }

    /**
     * Asks the process to stop (SIGTERM) and waits up to {@code grace}; then kills it and everything it started, so
     * no half-stopped child keeps a port, a lock file or shared memory.
     */
    static void terminate(ProcessHandle process, Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        if (!awaitExit(process, grace)) {
            descendants.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            awaitExit(process, Duration.ofSeconds(10));
        }
    }

    static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
