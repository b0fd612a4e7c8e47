package dev.corebound.internal.kernel;

import org.bytedeco.javacpp.Loader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The bindings are in jextract's shape: native/jextract.sh generates them
 * where jextract is installed, and the copies in the repository were written
 * by hand to the same shape where it was not. Either way, this test reads the
 * C headers and fails when a binding's FunctionDescriptor differs from the C
 * prototype. corebound.h (path from the build, system property
 * corebound.header) must match corebound_h function for function; the
 * functions openblas_h binds must match OpenBLAS's cblas.h, read from
 * JavaCPP's platform jar.
 */
class HeaderBindingTest {

    private static final Pattern PROTOTYPE = Pattern.compile("([A-Za-z_][\\w\\s*]*?)\\b(\\w+)\\s*\\(([^()]*)\\)\\s*;");
    private static final Pattern CONSTANT = Pattern.compile("#define\\s+(CB_\\w+)\\s+(-?\\d+)");

    /** The C types the headers use, as the Java carrier and size FFM gives them on LP64 platforms. */
    private static final Map<String, String> C_TYPES = Map.ofEntries(
            Map.entry("double", "double/8"),
            Map.entry("int64_t", "long/8"),
            Map.entry("uint64_t", "long/8"),
            Map.entry("size_t", "long/8"),
            Map.entry("CBLAS_INDEX", "long/8"),
            Map.entry("int", "int/4"),
            Map.entry("int32_t", "int/4"),
            Map.entry("blasint", "int/4"),
            Map.entry("enum CBLAS_ORDER", "int/4"),
            Map.entry("enum CBLAS_TRANSPOSE", "int/4"));

    /** corebound.h without its comments, so that a commented-out declaration does not count. */
    private static String coreboundHeader() throws IOException {
        return withoutComments(Files.readString(Path.of(System.getProperty("corebound.header", "../native/include/corebound.h"))));
    }

    private static String withoutComments(String c) {
        return c.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", " ");
    }

    private static String cblasHeader() throws IOException {
        String resource = "/org/bytedeco/openblas/" + Loader.getPlatform() + "/include/cblas.h";
        try (InputStream in = HeaderBindingTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is not on the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** name -> "ret(param, ...)" in carrier/size form, for every prototype in a header. */
    private static Map<String, String> prototypes(String header) {
        String code = withoutComments(header).lines()
                .filter(l -> !l.trim().startsWith("#"))
                .collect(Collectors.joining("\n"))
                .replace("CB_API", " ").replace("OPENBLAS_CONST", " ");
        Map<String, String> result = new TreeMap<>();
        Matcher m = PROTOTYPE.matcher(code);
        while (m.find()) {
            String ret = m.group(1).trim();
            String params = m.group(3).trim();
            List<String> types = params.equals("void") || params.isEmpty() ? List.of()
                    : Arrays.stream(params.split(",")).map(p -> p.trim().replaceAll("\\w+$", "").trim()).toList();
            result.put(m.group(2), cType(ret) + "(" + types.stream().map(HeaderBindingTest::cType)
                    .collect(Collectors.joining(", ")) + ")");
        }
        return result;
    }

    private static String cType(String c) {
        if (c.contains("*")) {
            return "MemorySegment/8";
        }
        String type = c.replace("const ", "").replaceAll("\\s+", " ").trim();
        return type.equals("void") ? "void" : C_TYPES.getOrDefault(type, "unknown C type '" + type + "'");
    }

    private static String layout(MemoryLayout layout) {
        Class<?> carrier = ((ValueLayout) layout).carrier();
        return (carrier == MemorySegment.class ? "MemorySegment" : carrier.getName()) + "/" + layout.byteSize();
    }

    /** name -> signature, from a binding class's X$descriptor() methods. */
    private static Map<String, String> bindings(Class<?> holder) throws ReflectiveOperationException {
        Map<String, String> result = new TreeMap<>();
        for (Method method : holder.getDeclaredMethods()) {
            if (method.getName().endsWith("$descriptor") && Modifier.isStatic(method.getModifiers())) {
                FunctionDescriptor d = (FunctionDescriptor) method.invoke(null);
                result.put(method.getName().replace("$descriptor", ""),
                        d.returnLayout().map(HeaderBindingTest::layout).orElse("void") + "("
                                + d.argumentLayouts().stream().map(HeaderBindingTest::layout).collect(Collectors.joining(", ")) + ")");
            }
        }
        return result;
    }

    @Test
    void coreboundBindingsMatchTheHeader() throws Exception {
        Map<String, String> header = prototypes(coreboundHeader());
        assertFalse(header.isEmpty(), "no prototypes found in corebound.h: is the pattern still right?");
        assertEquals(header, bindings(corebound_h.class), "corebound_h differs from corebound.h: regenerate with native/jextract.sh");
    }

    @Test
    void openblasBindingsMatchCblasH() throws Exception {
        Map<String, String> header = prototypes(cblasHeader());
        Map<String, String> bound = bindings(openblas_h.class);
        Map<String, String> wanted = new TreeMap<>();
        bound.keySet().forEach(name -> wanted.put(name, header.getOrDefault(name, "missing from cblas.h")));
        assertEquals(wanted, bound, "openblas_h differs from OpenBLAS's cblas.h");
    }

    @Test
    void everyCoreboundConstantMatches() throws Exception {
        Matcher m = CONSTANT.matcher(coreboundHeader());
        Map<String, Integer> want = new TreeMap<>();
        while (m.find()) {
            want.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        Map<String, Integer> got = new TreeMap<>();
        for (Method method : corebound_h.class.getDeclaredMethods()) {
            if (method.getName().startsWith("CB_") && method.getParameterCount() == 0) {
                got.put(method.getName(), (Integer) method.invoke(null));
            }
        }
        assertEquals(want, got);
    }
}
