package dev.corebound.internal.loader;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_nolapack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The OpenBLAS that JavaCPP's platform jar (org.bytedeco:openblas) ships.
 * Only this class touches JavaCPP, so that corebound runs without it when
 * another OpenBLAS is named.
 */
final class JavaCppOpenBlas {

    private JavaCppOpenBlas() {
    }

    static boolean present() {
        try {
            Class.forName("org.bytedeco.openblas.global.openblas_nolapack", false, JavaCppOpenBlas.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /**
     * Loads JavaCPP's OpenBLAS and its JNI bindings (extracting them into
     * JavaCPP's cache, ~/.javacpp/cache, the first time) and returns the
     * OpenBLAS library file, which the FFM backend then looks symbols up in:
     * both backends use the same loaded library.
     */
    static Path load() {
        Loader.load(openblas_nolapack.class);
        return Loader.getLoadedLibraries().entrySet().stream()
                .filter(e -> e.getKey().startsWith("openblas_nolapack@"))
                .map(e -> Path.of(e.getValue()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("JavaCPP loaded OpenBLAS but did not say from where: "
                        + Loader.getLoadedLibraries()));
    }

    /** The version of the org.bytedeco:openblas artifact, e.g. "0.3.30-1.5.12", from its Maven metadata. */
    static String artifactVersion() {
        try (InputStream in = openblas_nolapack.class.getResourceAsStream("/META-INF/maven/org.bytedeco/openblas/pom.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "(version unknown)");
        } catch (IOException e) {
            return "(version unknown)";
        }
    }
}
