package org.balintcompanion.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.balintcompanion.metrics.Metrics;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /metrics} in the Prometheus text format, answered only on the metrics connector (its own port, on
 * loopback unless BALINT_METRICS_BIND says otherwise); that port serves nothing else, and the public one no metrics.
 */
final class MetricsEndpoint extends Handler.Wrapper {
    private final Metrics metrics;
    private final Connector metricsConnector;

    MetricsEndpoint(Metrics metrics, Connector metricsConnector, Handler next) {
        super(next);
        this.metrics = metrics;
        this.metricsConnector = metricsConnector;
    }

    @Override public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (request.getConnectionMetaData().getConnector() != metricsConnector) return super.handle(request, response, callback);
        if (!Request.getPathInContext(request).equals("/metrics") || !request.getMethod().equals("GET")) {
            Problems.write(request, response, callback, 404, "Not found", "This port serves GET /metrics only.", null);
            return true;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
        response.write(true, ByteBuffer.wrap(metrics.scrape().getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}
