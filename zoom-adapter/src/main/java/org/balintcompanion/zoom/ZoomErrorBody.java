package org.balintcompanion.zoom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.ResponseBody;

/** Zoom's error answer: {@code {"code": 3001, "message": "...", "errors": [{"field", "message"}]}}. */
record ZoomErrorBody(Optional<Integer> code, String message, List<String> fieldErrors) {

    /** Longer answers are not Zoom errors worth quoting. */
    private static final long MAX_BYTES = 64 * 1024;

    static ZoomErrorBody read(ResponseBody body, ObjectMapper json) {
        if (body == null) {
            return new ZoomErrorBody(Optional.empty(), "", List.of());
        }
        try (body) {
            if (body.contentLength() > MAX_BYTES) {
                return new ZoomErrorBody(Optional.empty(), "", List.of());
            }
            JsonNode error = json.readTree(body.string());
            if (error == null || !error.isObject()) {
                return new ZoomErrorBody(Optional.empty(), "", List.of());
            }
            Optional<Integer> code = error.path("code").isInt() ? Optional.of(error.path("code").asInt())
                    : Optional.empty();
            List<String> fields = new ArrayList<>();
            for (JsonNode field : error.path("errors")) {
                fields.add(field.path("field").asText("?") + ": " + field.path("message").asText(""));
            }
            return new ZoomErrorBody(code, error.path("message").asText(""), fields);
        } catch (IOException | RuntimeException e) {
            return new ZoomErrorBody(Optional.empty(), "", List.of());
        }
    }
}
