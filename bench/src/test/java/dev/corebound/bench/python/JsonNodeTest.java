package dev.corebound.bench.python;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.NoSuchElementException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonNodeTest {

    @Test
    void readsEveryKindOfValue() {
        JsonNode doc = JsonNode.parse(" {\"a\": [1, -2.5e3, true, null], \"b\": {\"c\": \"x\\\"y\\u00e9\\n\"}, \"d\": false} ");
        assertEquals(List.of("a", "b", "d"), doc.keys());
        List<JsonNode> a = doc.get("a").list();
        assertEquals(1, a.get(0).integer());
        assertEquals(-2500.0, a.get(1).number());
        assertTrue(a.get(2).bool());
        assertTrue(a.get(3).isNull());
        assertEquals("x\"y\u00e9\n", doc.get("b").get("c").text());
        assertEquals(false, doc.get("d").bool());
    }

    @Test
    void mistakesNameWhereTheyAre() {
        JsonNode doc = JsonNode.parse("{\"a\": {\"b\": 1}}");
        NoSuchElementException missing = assertThrows(NoSuchElementException.class, () -> doc.get("a").get("c"));
        assertTrue(missing.getMessage().contains("$.a.c"), missing.getMessage());
        IllegalStateException wrongType = assertThrows(IllegalStateException.class, () -> doc.get("a").get("b").text());
        assertTrue(wrongType.getMessage().contains("$.a.b"), wrongType.getMessage());
        assertThrows(IllegalArgumentException.class, () -> JsonNode.parse("{\"a\": }"));
        assertThrows(IllegalArgumentException.class, () -> JsonNode.parse("{} x"));
    }
}
