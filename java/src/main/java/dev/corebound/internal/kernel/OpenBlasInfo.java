package dev.corebound.internal.kernel;

import dev.corebound.internal.loader.OpenBlasLibrary;

import java.util.Locale;

/** What the loaded OpenBLAS says of itself, for {@code info} and the reports. */
public final class OpenBlasInfo {

    private OpenBlasInfo() {
    }

    /** "OpenBLAS 0.3.30 DYNAMIC_ARCH ... SkylakeX MAX_THREADS=64", as the library reports itself. */
    public static String config() {
        return openblas_h.openblas_get_config().reinterpret(Long.MAX_VALUE).getString(0);
    }

    /** The core type the loaded library runs, e.g. "SkylakeX". */
    public static String corename() {
        return openblas_h.openblas_get_corename().reinterpret(Long.MAX_VALUE).getString(0);
    }

    /** The OpenBLAS version from its config string, e.g. "0.3.30". */
    public static String version() {
        String[] words = config().split("\\s+");
        return words.length > 1 && words[0].toLowerCase(Locale.ROOT).equals("openblas") ? words[1] : "unknown";
    }

    /** "OpenBLAS 0.3.30, core SkylakeX (set by corebound), JavaCPP's org.bytedeco:openblas 0.3.30-1.5.12" */
    static String summary() {
        OpenBlasLibrary.Info info = OpenBlasLibrary.info();
        return "OpenBLAS " + version() + ", core " + corename()
                + (info.decision().changes() ? " (set by corebound)" : "") + ", " + info.source();
    }
}
