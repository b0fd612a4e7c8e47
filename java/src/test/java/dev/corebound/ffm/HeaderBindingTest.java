package dev.corebound.ffm;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The bindings are written by hand in jextract's shape; this test reads the
 * public header and fails when a binding's FunctionDescriptor differs from the
 * C prototype, or when a function or constant is on one side only. The header
 * path comes from the build (system property corebound.header).
 */
class HeaderBindingTest {

    private static final Pattern PROTOTYPE = Pattern.compile("CB_API\\s+([^;(]+?)\\s*\\b(\\w+)\\s*\\(([^)]*)\\)\\s*;");
    private static final Pattern CONSTANT = Pattern.compile("#define\\s+(CB_\\w+)\\s+(-?\\d+)");

    /** The C types the header uses, as the Java carrier and size FFM gives them on LP64 platforms. */
    private static final Map<String, String> C_TYPES = Map.of(
            "double", "double/8",
            "int64_t", "long/8",
            "uint64_t", "long/8",
            "int", "int/4",
            "int32_t", "int/4");

    private static String header() throws IOException {
        String text = Files.readString(Path.of(System.getProperty("corebound.header", "../native/include/corebound.h")));
        String noComments = text.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", " ");
        return noComments;
    }

    /** name -> "ret(param, param)" in carrier/size form, from the header. */
    private static Map<String, String> prototypes() throws IOException {
        String code = header().lines().filter(l -> !l.trim().startsWith("#")).collect(Collectors.joining("\n"));
        Map<String, String> result = new TreeMap<>();
        Matcher m = PROTOTYPE.matcher(code);
        while (m.find()) {
            String ret = m.group(1).trim();
            String params = m.group(3).trim();
            List<String> types = params.equals("void") ? List.of()
                    : Arrays.stream(params.split(",")).map(p -> p.trim().replaceAll("\\w+$", "").trim()).toList();
            result.put(m.group(2), signature(Optional.of(ret).filter(r -> !r.equals("void")).map(HeaderBindingTest::cType),
                    types.stream().map(HeaderBindingTest::cType).toList()));
        }
        return result;
    }

    private static String cType(String c) {
        if (c.contains("*")) {
            return "MemorySegment/8";
        }
        String type = C_TYPES.get(c.replace("const ", "").trim());
        if (type == null) {
            throw new AssertionError("the test does not know the C type '" + c + "': add it to C_TYPES");
        }
        return type;
    }

    private static String layout(MemoryLayout layout) {
        Class<?> carrier = ((ValueLayout) layout).carrier();
        return (carrier == MemorySegment.class ? "MemorySegment" : carrier.getName()) + "/" + layout.byteSize();
    }

    private static String signature(Optional<String> ret, List<String> params) {
        return ret.orElse("void") + "(" + String.join(", ", params) + ")";
    }

    /** name -> signature, from corebound_h's X$descriptor() methods. */
    private static Map<String, String> bindings() throws ReflectiveOperationException {
        Map<String, String> result = new TreeMap<>();
        for (Method method : corebound_h.class.getDeclaredMethods()) {
            if (method.getName().endsWith("$descriptor") && Modifier.isStatic(method.getModifiers())) {
                FunctionDescriptor d = (FunctionDescriptor) method.invoke(null);
                result.put(method.getName().replace("$descriptor", ""), signature(d.returnLayout().map(HeaderBindingTest::layout),
                        d.argumentLayouts().stream().map(HeaderBindingTest::layout).toList()));
            }
        }
        return result;
    }

    @Test
    void everyBindingMatchesItsPrototype() throws Exception {
        Map<String, String> header = prototypes();
        assertFalse(header.isEmpty(), "no prototypes found in the header: is the pattern still right?");
        assertEquals(header, bindings(), "corebound_h differs from corebound.h: regenerate with native/jextract.sh");
    }

    @Test
    void everyConstantMatches() throws Exception {
        Matcher m = CONSTANT.matcher(header());
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
