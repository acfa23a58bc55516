package com.answerloop.shared.web;

import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serialises structured data (schema.org JSON-LD) so it is safe inside a {@code <script>} element:
 * characters that could close the element or start markup are written as JSON escapes.
 */
public final class JsonLd {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonLd() {}

    public static String toScript(Map<String, ?> data) {
        return JSON.writeValueAsString(data)
                .replace("<", "\\u003c")
                .replace(">", "\\u003e")
                .replace("&", "\\u0026")
                .replace("\u2028", "\\u2028")
                .replace("\u2029", "\\u2029");
    }
}
