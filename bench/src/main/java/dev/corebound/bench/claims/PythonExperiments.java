package dev.corebound.bench.claims;

import dev.corebound.bench.python.CPythonScript;
import dev.corebound.internal.loader.OpenBlasLibrary;
import dev.corebound.workloads.LatencyServer;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The notes' experiments on a Python interpreter, at the JVM's scale and against the same kind of server. */
public final class PythonExperiments {

    private PythonExperiments() {
    }

    /**
     * Runs the CPython script's claims with n workers; its I/O requests go to a
     * LatencyServer of this JVM with the scale's latency, as the JVM's do. NumPy's
     * OpenBLAS runs the core type corebound's OpenBLAS runs (set for the child
     * only), so that claim 9 compares the same kernels.
     */
    public static PythonRun run(CPythonScript script, Scale scale, boolean quick, int n, List<Claim> jvm)
            throws IOException {
        try (LatencyServer server = new LatencyServer(Duration.ofMillis(scale.latencyMillis()))) {
            List<String> args = new ArrayList<>(List.of("claims", "--workers", Integer.toString(n),
                    "--server-port", Integer.toString(server.port())));
            if (quick) {
                args.add("--quick");
            }
            Map<String, String> environment = new HashMap<>();
            OpenBlasLibrary.coreTypeInEffect().ifPresent(core -> environment.put(OpenBlasLibrary.CORETYPE_ENV, core));
            CPythonScript.Result result = script.run(environment, Duration.ofMinutes(15), args.toArray(String[]::new));
            return CPythonClaims.read(result.document(), result.text(), jvm);
        }
    }
}
