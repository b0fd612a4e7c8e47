package dev.corebound.internal.process;

import java.nio.file.Path;
import java.util.List;

/** The command line that starts one worker process of a pool. */
@FunctionalInterface
public interface WorkerCommand {

    /**
     * The command for a worker of the pool whose private directory is
     * {@code directory}; with the Vector API module when {@code vector}.
     */
    List<String> command(Path directory, boolean vector);

    /** A worker JVM as {@link WorkerJvm} describes it: what every pool uses outside tests. */
    static WorkerCommand standard() {
        return WorkerJvm::command;
    }
}
