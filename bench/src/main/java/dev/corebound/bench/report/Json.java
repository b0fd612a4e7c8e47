package dev.corebound.bench.report;

import java.util.LinkedHashMap;
import java.util.Map;

/** Just enough JSON writing for results.json: objects, strings and numbers (NaN becomes null). */
public final class Json {

    private Json() {
    }

    public static String string(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    public static String number(double d) {
        return Double.isFinite(d) ? Double.toString(d) : "null";
    }

    /** An object whose values are all strings, keys in the map's order. */
    public static String stringObject(Map<String, String> strings) {
        Map<String, String> encoded = new LinkedHashMap<>();
        strings.forEach((k, v) -> encoded.put(k, string(v)));
        return object(encoded);
    }

    /** An object of already-encoded values, keys in the map's order. */
    public static String object(Map<String, String> encoded) {
        StringBuilder sb = new StringBuilder("{");
        encoded.forEach((k, v) -> sb.append(sb.length() > 1 ? ", " : "").append(string(k)).append(": ").append(v));
        return sb.append('}').toString();
    }
}
