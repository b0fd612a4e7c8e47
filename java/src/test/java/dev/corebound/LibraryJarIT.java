package dev.corebound;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.reflect.Executable;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The library jar's public surface, after packaging: outside the internal
 * packages nothing but the data types takes a length and a raw
 * MemorySegment, and on the module path user code reaches the API but not
 * the internals.
 */
class LibraryJarIT {

    private static final Path JAR = Path.of(System.getProperty("corebound.library.jar", "target/corebound-0.1.0.jar"));
    /** The data types check every index and shape against their segment themselves. */
    private static final Set<Class<?>> DATA_TYPES = Set.of(DenseVector.class, DenseMatrix.class);

    @Test
    void noPublicMethodOutsideTheInternalsTakesALengthAndARawSegment() throws IOException, ClassNotFoundException {
        List<String> unchecked = new ArrayList<>();
        int scanned = 0;
        try (JarFile jar = new JarFile(JAR.toFile())) {
            for (String name : jar.stream().map(e -> e.getName())
                    .filter(n -> n.endsWith(".class") && !n.endsWith("module-info.class")).toList()) {
                Class<?> c = Class.forName(name.replace('/', '.').replace(".class", ""), false, getClass().getClassLoader());
                if (c.getPackageName().contains(".internal") || DATA_TYPES.contains(c) || !reachable(c)) {
                    continue;
                }
                scanned++;
                Stream.concat(Arrays.stream(c.getDeclaredMethods()), Arrays.stream(c.getDeclaredConstructors()))
                        .filter(m -> Modifier.isPublic(m.getModifiers()) && takesLengthAndSegment(m))
                        .forEach(m -> unchecked.add(c.getName() + "." + m.getName()));
            }
        }
        assertTrue(scanned > 10, "scanned only " + scanned + " classes of " + JAR);
        assertEquals(List.of(), unchecked);
    }

    private static boolean reachable(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            if (!Modifier.isPublic(k.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static boolean takesLengthAndSegment(Executable m) {
        List<Class<?>> types = List.of(m.getParameterTypes());
        return types.contains(MemorySegment.class) && (types.contains(long.class) || types.contains(int.class));
    }

    @Test
    void onTheModulePathTheApiWorksAndTheInternalsAreOutOfReach() throws IOException, InterruptedException {
        String deps = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> p.contains("bytedeco")).collect(Collectors.joining(File.pathSeparator));
        Path launcher = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(launcher.toString(), "--module-path", JAR + File.pathSeparator + deps,
                "--add-modules", "dev.corebound", "--enable-native-access=dev.corebound",
                "-cp", Path.of("target", "test-classes").toString(), "org.example.user.ModulePathProbe")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("module: dev.corebound"), out);
        assertTrue(out.contains("dot: 4000.0"), out);
        assertTrue(out.contains("refused: dev.corebound.internal.kernel.Kernels"), out);
        assertTrue(out.contains("refused: dev.corebound.internal.parallel.ParallelAccess"), out);
    }
}
