package dev.corebound.internal.process;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A small process that outlives this JVM and deletes a pool's directory when
 * the JVM ends, however it ends: {@code close()}, a normal exit, SIGTERM,
 * SIGKILL, the OOM killer, a crash in native code. Python's multiprocessing
 * resource tracker is the model.
 *
 * <p>It is {@code /bin/sh} reading its stdin until the end. Only this JVM holds
 * the pipe's other end (the JDK closes every other descriptor in the
 * processes it starts, workers included), so the kernel closes it when this
 * JVM ends, and the shell deletes the directory and exits. It ignores SIGHUP,
 * SIGINT and SIGTERM, so a Ctrl-C or a hang-up of the terminal, which reaches
 * the whole process group, does not stop it first. Whatever it holds is the
 * shell's memory, about a megabyte.
 */
final class DirectoryTracker implements AutoCloseable {

    private static final String SHELL = "/bin/sh";
    private static final String SCRIPT = "trap '' HUP INT TERM; while read -r _; do :; done; rm -rf -- \"$1\"";
    private static final System.Logger LOG = System.getLogger(DirectoryTracker.class.getName());

    private final Process process;

    private DirectoryTracker(Process process) {
        this.process = process;
    }

    /** Starts a tracker for {@code dir}; without a shell the pool carries on, and the next pool's sweep is the backstop. */
    static DirectoryTracker start(Path dir) {
        try {
            Process p = new ProcessBuilder(SHELL, "-c", SCRIPT, "corebound-directory-tracker", dir.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return new DirectoryTracker(p);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "no tracker for {0} ({1}); if this JVM is killed, the next pool removes it",
                    dir, e.getMessage());
            return new DirectoryTracker(null);
        }
    }

    /** Ends the tracker the way this JVM's death would: it deletes the directory, if still there, and exits. */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        try {
            process.getOutputStream().close();
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
