package org.balintcompanion.web;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** HTTP errors as RFC 9457 {@code application/problem+json}, with a message a person understands. */
final class Problems {
    private Problems() {}

    static void write(Request req, Response resp, Callback callback, int status, String title, String detail, String field) {
        var json = new StringBuilder(160).append("{\"type\":\"about:blank\",\"title\":").append(quote(title))
                .append(",\"status\":").append(status).append(",\"detail\":").append(quote(detail));
        if (field != null) json.append(",\"field\":").append(quote(field));
        json.append('}');
        resp.setStatus(status);
        resp.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
        resp.write(true, java.nio.ByteBuffer.wrap(json.toString().getBytes(StandardCharsets.UTF_8)), callback);
    }

    private static String quote(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }
}
