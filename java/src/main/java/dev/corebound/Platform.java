package dev.corebound;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The machine this JVM runs on: operating system, CPU architecture, CPU model,
 * the CPU's instruction-set features and the number of cores.
 *
 * @param os         "linux" or "macos" (or the JVM's os.name, lower case, elsewhere)
 * @param arch       "x86_64" or "aarch64" (or the JVM's os.arch elsewhere)
 * @param cpuModel   the CPU's marketing name, or "unknown"
 * @param cpuFeatures instruction-set flags as the OS reports them, lower case
 *                   (for example "avx2", "avx512f", "fma", "asimd")
 * @param cores      processors available to this JVM
 */
public record Platform(String os, String arch, String cpuModel, Set<String> cpuFeatures, int cores) {

    public Platform {
        cpuFeatures = Set.copyOf(cpuFeatures);
    }

    private static final class Holder {
        static final Platform CURRENT = detect();
    }

    /** The machine this JVM runs on, detected once. */
    public static Platform current() {
        return Holder.CURRENT;
    }

    /** The java launcher of this JVM, for child JVMs that must run on the same runtime. */
    public static String javaLauncher() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** The folder name under which the jar packs native libraries, e.g. "linux-x86_64". */
    public String id() {
        return os + "-" + arch;
    }

    /** True when the CPU reports the named feature (lower case, as in /proc/cpuinfo). */
    public boolean has(String feature) {
        return cpuFeatures.contains(feature);
    }

    /** The SIMD features worth showing in a one-line summary, in a stable order. */
    public List<String> simdFeatures() {
        return cpuFeatures.stream()
                .filter(f -> f.startsWith("sse") || f.startsWith("avx") || f.equals("fma")
                        || f.equals("asimd") || f.equals("neon") || f.startsWith("sve") || f.equals("amx_tile"))
                .sorted()
                .toList();
    }

    private static Platform detect() {
        String os = normaliseOs(System.getProperty("os.name"));
        String arch = normaliseArch(System.getProperty("os.arch"));
        int cores = Runtime.getRuntime().availableProcessors();
        return switch (os) {
            case "linux" -> fromProcCpuinfo(os, arch, cores);
            case "macos" -> fromSysctl(os, arch, cores);
            default -> new Platform(os, arch, "unknown", Set.of(), cores);
        };
    }

    static String normaliseOs(String osName) {
        String name = osName.toLowerCase(Locale.ROOT);
        if (name.startsWith("linux")) {
            return "linux";
        }
        if (name.startsWith("mac")) {
            return "macos";
        }
        return name.replace(' ', '_');
    }

    static String normaliseArch(String osArch) {
        return switch (osArch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> osArch;
        };
    }

    private static Platform fromProcCpuinfo(String os, String arch, int cores) {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
        } catch (IOException e) {
            return new Platform(os, arch, "unknown", Set.of(), cores);
        }
        return new Platform(os, arch, firstValue(lines, "model name", "unknown"),
                words(firstValue(lines, "flags", firstValue(lines, "Features", ""))), cores);
    }

    private static String firstValue(List<String> lines, String key, String fallback) {
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
                return line.substring(colon + 1).trim();
            }
        }
        return fallback;
    }

    private static Platform fromSysctl(String os, String arch, int cores) {
        String model = sysctl("machdep.cpu.brand_string");
        Set<String> features = words(sysctl("machdep.cpu.features") + " " + sysctl("machdep.cpu.leaf7_features"));
        if (arch.equals("aarch64")) {
            features.add("asimd"); // NEON is part of every arm64 Mac
        }
        return new Platform(os, arch, model.isEmpty() ? "unknown" : model, features, cores);
    }

    private static String sysctl(String key) {
        try {
            Process p = new ProcessBuilder("sysctl", "-n", key).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static Set<String> words(String text) {
        Set<String> set = new TreeSet<>();
        Arrays.stream(text.toLowerCase(Locale.ROOT).split("\\s+"))
                .map(w -> w.replace('.', '_'))
                .filter(w -> !w.isEmpty())
                .forEach(set::add);
        return set;
    }
}
