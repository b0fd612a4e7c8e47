package dev.corebound.bench.python;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A parsed JSON value with typed accessors, enough to read the documents the
 * CPython script prints: objects, arrays, strings, numbers, booleans and null.
 * A missing key or a value of the wrong type throws with the path that was asked for.
 */
public final class JsonNode {

    private final Object value;
    private final String path;

    private JsonNode(Object value, String path) {
        this.value = value;
        this.path = path;
    }

    /** Parses a whole document. */
    public static JsonNode parse(String text) {
        Parser p = new Parser(text);
        Object v = p.value();
        p.skipSpace();
        if (p.at < text.length()) {
            throw p.error("text after the document");
        }
        return new JsonNode(v, "$");
    }

    public boolean has(String key) {
        return value instanceof Map<?, ?> m && m.containsKey(key);
    }

    public JsonNode get(String key) {
        if (!(value instanceof Map<?, ?> m) || !m.containsKey(key)) {
            throw new NoSuchElementException("no " + path + "." + key + " in the document");
        }
        return new JsonNode(m.get(key), path + "." + key);
    }

    public boolean isNull() {
        return value == null;
    }

    public double number() {
        return as(Double.class);
    }

    public long integer() {
        return (long) number();
    }

    public String text() {
        return as(String.class);
    }

    public boolean bool() {
        return as(Boolean.class);
    }

    public List<JsonNode> list() {
        List<?> items = as(List.class);
        List<JsonNode> nodes = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            nodes.add(new JsonNode(items.get(i), path + "[" + i + "]"));
        }
        return nodes;
    }

    /** The keys of an object, in document order. */
    public List<String> keys() {
        return ((Map<?, ?>) as(Map.class)).keySet().stream().map(String::valueOf).toList();
    }

    private <T> T as(Class<T> type) {
        if (!type.isInstance(value)) {
            throw new IllegalStateException(path + " is " + (value == null ? "null" : value.getClass().getSimpleName())
                    + ", not " + type.getSimpleName());
        }
        return type.cast(value);
    }

    @Override
    public String toString() {
        return path + " = " + value;
    }

    /** Recursive descent over the text; numbers become doubles. */
    private static final class Parser {
        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        Object value() {
            skipSpace();
            if (at >= text.length()) {
                throw error("the document ends early");
            }
            char c = text.charAt(at);
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> number();
            };
        }

        private Map<String, Object> object() {
            Map<String, Object> m = new LinkedHashMap<>();
            at++;
            skipSpace();
            if (peek() == '}') {
                at++;
                return m;
            }
            while (true) {
                skipSpace();
                String key = string();
                skipSpace();
                expect(':');
                m.put(key, value());
                skipSpace();
                if (peek() == ',') {
                    at++;
                } else {
                    expect('}');
                    return m;
                }
            }
        }

        private List<Object> array() {
            List<Object> l = new ArrayList<>();
            at++;
            skipSpace();
            if (peek() == ']') {
                at++;
                return l;
            }
            while (true) {
                l.add(value());
                skipSpace();
                if (peek() == ',') {
                    at++;
                } else {
                    expect(']');
                    return l;
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return sb.toString();
                }
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                char e = next();
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        sb.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> sb.append(e); // \" \\ \/
                }
            }
        }

        private Double number() {
            int start = at;
            while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            try {
                return Double.valueOf(text.substring(start, at));
            } catch (NumberFormatException e) {
                throw error("not a value");
            }
        }

        private Object literal(String word, Object v) {
            if (!text.startsWith(word, at)) {
                throw error("not a value");
            }
            at += word.length();
            return v;
        }

        void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private char peek() {
            return at < text.length() ? text.charAt(at) : '\0';
        }

        private char next() {
            if (at >= text.length()) {
                throw error("the document ends early");
            }
            return text.charAt(at++);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            at++;
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException("bad JSON at character " + at + ": " + what);
        }
    }
}
