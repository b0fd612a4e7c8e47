package dev.corebound;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every Java example in README.md that declares a class is compiled and run
 * here, so that the README's code cannot rot. The path to the README comes
 * from the build (system property corebound.readme).
 */
class ReadmeExamplesTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern CLASS_NAME = Pattern.compile("public class (\\w+)");

    @Test
    void everyExampleCompilesAndRuns(@TempDir Path dir) throws Exception {
        String readme = Files.readString(Path.of(System.getProperty("corebound.readme", "../README.md")));
        List<String> classes = new ArrayList<>();
        Matcher block = JAVA_BLOCK.matcher(readme);
        while (block.find()) {
            Matcher name = CLASS_NAME.matcher(block.group(1));
            if (name.find()) {
                classes.add(name.group(1));
                Files.writeString(dir.resolve(name.group(1) + ".java"), block.group(1));
            }
        }
        assertFalse(classes.isEmpty(), "README.md has no runnable Java example");

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("--add-modules", "jdk.incubator.vector", "-proc:none",
                "-cp", System.getProperty("java.class.path"), "-d", dir.toString()));
        classes.forEach(c -> args.add(dir.resolve(c + ".java").toString()));
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        assertEquals(0, javac.run(null, null, errors, args.toArray(String[]::new)), errors.toString());

        try (URLClassLoader loader = new URLClassLoader(new URL[]{dir.toUri().toURL()}, getClass().getClassLoader())) {
            for (String c : classes) {
                String out = runMain(loader.loadClass(c).getMethod("main", String[].class));
                assertTrue(out.contains("="), c + " printed no result: " + out);
            }
        }
    }

    private static String runMain(Method main) throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(saved);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
