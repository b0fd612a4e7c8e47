package dev.corebound.internal.loader;

import dev.corebound.Platform;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Learns which core type OpenBLAS picks on its own, by loading it in a short
 * child JVM: OpenBLAS reads its settings once, when it loads, so a library
 * loaded to look cannot be tuned afterwards.
 */
public final class OpenBlasProbe {

    private static final System.Logger LOG = System.getLogger(OpenBlasProbe.class.getName());

    private OpenBlasProbe() {
    }

    /** OpenBLAS's own pick for the library at {@code path} (JavaCPP's when null), or null when the probe fails. */
    static String corename(Path path) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Platform.javaLauncher());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), OpenBlasProbe.class.getName()));
        if (path != null) {
            cmd.add(path.toString());
        }
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().remove(OpenBlasLibrary.CORETYPE_ENV);
            pb.environment().put("OPENBLAS_NUM_THREADS", "1");
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                LOG.log(System.Logger.Level.WARNING, "OpenBLAS probe failed: {0}", out);
                return null;
            }
            return out.lines().reduce((a, b) -> b).orElse(null);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "OpenBLAS probe failed: {0}", e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Child side: loads OpenBLAS untouched and prints its core name. */
    public static void main(String[] args) throws Throwable {
        Path file = args.length > 0 ? Path.of(args[0]) : JavaCppOpenBlas.load();
        SymbolLookup lookup = SymbolLookup.libraryLookup(file, Arena.global());
        MethodHandle corename = Linker.nativeLinker().downcallHandle(lookup.find("openblas_get_corename").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.ADDRESS));
        System.out.println(((MemorySegment) corename.invokeExact()).reinterpret(Long.MAX_VALUE).getString(0));
    }
}
