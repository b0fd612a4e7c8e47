package dev.corebound.parallel;

import dev.corebound.internal.loader.NativeLibrary;
import dev.corebound.internal.process.WorkerMain;

/**
 * A worker whose NATIVE backend cannot load, with a reason of more than a
 * mebibyte: it names a library path that long. Every other backend works.
 */
public final class LongErrorWorker {

    /** How long the missing library's path is. */
    static final int PATH_LENGTH = 1 << 20;

    private LongErrorWorker() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty(NativeLibrary.PATH_PROPERTY, "/" + "x".repeat(PATH_LENGTH));
        WorkerMain.main(args);
    }
}
