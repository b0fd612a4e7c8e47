package dev.corebound.bench.cli;

import dev.corebound.Backend;
import dev.corebound.BackendStatus;
import dev.corebound.Corebound;
import dev.corebound.Platform;
import dev.corebound.internal.kernel.OpenBlasInfo;
import dev.corebound.internal.loader.OpenBlasLibrary;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code corebound info}: the machine, the JDK and each backend, available or why not. */
@Command(name = "info", description = "Shows the platform, CPU, JDK and which backends can run here.")
final class InfoCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        Platform p = Platform.current();
        System.out.println("corebound " + Corebound.version());
        System.out.printf("platform   %s%n", p.id());
        System.out.printf("cpu        %s%n", p.cpuModel());
        System.out.printf("simd       %s%n", String.join(" ", p.simdFeatures()));
        System.out.printf("cores      %d%n", p.cores());
        System.out.printf("jdk        %s (%s)%n", Runtime.version(), System.getProperty("java.home"));
        System.out.println("backends");
        for (BackendStatus s : Corebound.available()) {
            System.out.println("  " + s);
        }
        if (Corebound.isAvailable(Backend.OPENBLAS)) {
            OpenBlasLibrary.Info ob = OpenBlasLibrary.info();
            System.out.println("openblas");
            System.out.printf("  config   %s%n", OpenBlasInfo.config());
            System.out.printf("  library  %s%n", ob.path());
            System.out.printf("  core     %s; without corebound: %s%n", OpenBlasInfo.corename(), ob.pick());
            System.out.printf("  tuning   %s (-D%s=auto|keep|<core>)%n", ob.decision().reason(), OpenBlasLibrary.CORETYPE_PROPERTY);
        }
        return 0;
    }
}
