package org.example.user;

import dev.corebound.Corebound;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * corebound used as the README's "Using corebound from your own project"
 * says: the library and its parent pom are installed into the local Maven
 * repository, as {@code mvn install} does, and a new project that depends on
 * {@code dev.corebound:corebound} builds with {@code -Djavacpp.platform} (its
 * own platform's native jars only) and runs the README's example with the
 * README's JVM flags. What the test installed is removed afterwards.
 */
class ConsumerProjectIT {

    private static final Path ROOT = Path.of(System.getProperty("corebound.root", ".."));
    private static final Path JAR = Path.of(System.getProperty("corebound.library.jar", "target/corebound.jar"));
    private static final Path REPOSITORY = Path.of(System.getProperty("corebound.maven.repository",
            System.getProperty("user.home") + "/.m2/repository"));
    private static final Pattern EXAMPLE = Pattern.compile("```java\n(.*?class Example .*?)```", Pattern.DOTALL);
    private static final List<String> PLATFORMS = List.of("linux-x86_64", "linux-arm64", "macosx-x86_64", "macosx-arm64");

    @Test
    void aProjectThatDependsOnTheInstalledArtifactRunsTheReadmeExample(@TempDir Path project) throws Exception {
        String version = Corebound.version();
        String platform = javacppPlatform();
        List<Path> installed = Stream.of("corebound", "corebound-parent")
                .map(a -> REPOSITORY.resolve("dev/corebound").resolve(a).resolve(version))
                .filter(d -> !Files.exists(d.resolve(d.getParent().getFileName() + "-" + version + ".pom")))
                .toList();
        try {
            maven(ROOT, "org.apache.maven.plugins:maven-install-plugin:3.1.2:install-file",
                    "-Dfile=" + ROOT.resolve("pom.xml"), "-DpomFile=" + ROOT.resolve("pom.xml"), "-Dpackaging=pom");
            maven(ROOT, "org.apache.maven.plugins:maven-install-plugin:3.1.2:install-file",
                    "-Dfile=" + JAR, "-DpomFile=" + ROOT.resolve("java/pom.xml"));

            Files.writeString(project.resolve("pom.xml"), pom(version));
            Path sources = Files.createDirectories(project.resolve("src/main/java"));
            Files.writeString(sources.resolve("Example.java"), readmeExample());
            maven(project, "-Djavacpp.platform=" + platform, "compile",
                    "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath",
                    "-Dmdep.outputFile=classpath.txt");

            String classPath = Files.readString(project.resolve("classpath.txt")).trim();
            assertTrue(classPath.contains("corebound-" + version + ".jar"), classPath);
            assertTrue(classPath.contains("openblas") && classPath.contains(platform), classPath);
            for (String other : PLATFORMS) {
                if (!other.equals(platform)) {
                    assertFalse(classPath.contains(other), "-Djavacpp.platform=" + platform + " still pulls " + other
                            + ": " + classPath);
                }
            }
            String out = run(project, List.of(javaExecutable(), "--enable-native-access=ALL-UNNAMED",
                    "--add-modules=jdk.incubator.vector", "-cp",
                    project.resolve("target/classes") + File.pathSeparator + classPath, "Example"));
            assertTrue(out.contains("C[0,0] = ") && out.contains("on threads(4): C[299,99] = "), out);
        } finally {
            for (Path dir : installed) {
                deleteTree(dir);
                deleteIfOnlyMetadata(dir.getParent());
            }
        }
    }

    /** JavaCPP's name for this platform, the one its jars' classifiers use. */
    private static String javacppPlatform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("mac") ? "macosx" : "linux";
        String arch = System.getProperty("os.arch").matches("aarch64|arm64") ? "arm64" : "x86_64";
        return os + "-" + arch;
    }

    private static String readmeExample() throws IOException {
        Matcher m = EXAMPLE.matcher(Files.readString(ROOT.resolve("README.md")));
        assertTrue(m.find(), "README.md has no Example class");
        return m.group(1);
    }

    private static String pom(String version) {
        return """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>org.example</groupId>
                  <artifactId>uses-corebound</artifactId>
                  <version>1</version>
                  <properties>
                    <maven.compiler.release>22</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                  <dependencies>
                    <dependency>
                      <groupId>dev.corebound</groupId>
                      <artifactId>corebound</artifactId>
                      <version>%s</version>
                    </dependency>
                  </dependencies>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-compiler-plugin</artifactId>
                        <version>3.15.0</version>
                      </plugin>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-resources-plugin</artifactId>
                        <version>3.3.1</version>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(version);
    }

    /** Runs Maven in {@code dir} on this JDK and this build's local repository. */
    private static void maven(Path dir, String... goals) throws Exception {
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-q", "-Dmaven.repo.local=" + REPOSITORY));
        command.addAll(List.of(goals));
        run(dir, command);
    }

    private static String run(Path dir, List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(5, TimeUnit.MINUTES), String.join(" ", command) + " did not end");
            assertEquals(0, p.exitValue(), String.join(" ", command) + ":\n" + out);
            return out;
        } finally {
            p.destroyForcibly();
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The artifact's folder, when the install left nothing in it but Maven's metadata of the version it added. */
    private static void deleteIfOnlyMetadata(Path artifact) throws IOException {
        try (Stream<Path> entries = Files.list(artifact)) {
            if (entries.allMatch(e -> e.getFileName().toString().startsWith("maven-metadata"))) {
                deleteTree(artifact);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
