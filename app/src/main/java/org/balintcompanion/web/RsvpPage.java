package org.balintcompanion.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.balintcompanion.auth.TokenRejected;
import org.balintcompanion.mail.Rsvps;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The answer links in messages. Opening one shows a page that submits the answer by itself: a person gets one click,
 * while mail scanners that merely fetch links (and run no scripts) cannot answer for them. A broken, tampered or
 * expired link gets a clear page, never a stack trace.
 */
final class RsvpPage extends Handler.Abstract {
    private static final String SCRIPT = "document.getElementById('rsvp').submit();\n";

    private final Rsvps rsvps;

    RsvpPage(Rsvps rsvps) { this.rsvps = rsvps; }

    @Override public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (path.equals("/rsvp/submit.js")) {
            write(response, callback, 200, "application/javascript; charset=UTF-8", SCRIPT);
            return true;
        }
        if (!path.equals("/rsvp")) return false;
        if (request.getMethod().equals("GET")) {
            String token = Request.extractQueryParameters(request).getValue("t");
            page(response, callback, 200, "fr", "Réponse / Answer",
                    "<form id=\"rsvp\" method=\"post\" action=\"/rsvp\"><input type=\"hidden\" name=\"t\" value=\"" + escape(token == null ? "" : token)
                            + "\"><p class=\"lead\">Enregistrement de votre réponse… <span lang=\"en\">/ Saving your answer…</span></p>"
                            + button("Confirmer <span lang=\"en\">/ Confirm</span>", true) + "</form><script src=\"/rsvp/submit.js\"></script>");
            return true;
        }
        if (!request.getMethod().equals("POST")) {
            page(response, callback, 405, "fr", "Réponse / Answer",
                    "<p>Ouvrez le lien reçu par e-mail. <span lang=\"en\">/ Open the link from your e-mail.</span></p>");
            return true;
        }
        String token = formValue(request, "t");
        try {
            Rsvps.Recorded r = rsvps.record(token);
            boolean fr = "fr".equals(r.language());
            String answer = r.coming() ? (fr ? "Vous viendrez. Merci !" : "You will come. Thank you!")
                    : (fr ? "Vous ne pourrez pas venir. Merci de nous avoir prévenus." : "You cannot come. Thank you for letting us know.");
            String change = "<form method=\"post\" action=\"/rsvp\"><input type=\"hidden\" name=\"t\" value=\"" + escape(r.changeToken()) + "\">"
                    + button(r.coming() ? (fr ? "Finalement, je ne pourrai pas venir" : "Actually, I can’t come")
                    : (fr ? "Finalement, je viendrai" : "Actually, I’ll come"), false) + "</form>";
            page(response, callback, 200, fr ? "fr" : "en", escape(r.groupName()),
                    "<p class=\"rsvp-when\" id=\"rsvp-when\">" + escape(r.startsAt()) + "</p>"
                            + "<p class=\"notice notice-calm\" id=\"rsvp-answer\" role=\"status\">"
                            + answer + "</p>" + change);
        } catch (TokenRejected e) {
            page(response, callback, e.expired() ? 410 : 400, "fr", "Réponse / Answer",
                    "<p>" + (e.expired() ? "La séance a commencé : les réponses sont closes." : "Ce lien de réponse n’est pas valide.")
                            + "</p><p lang=\"en\">" + escape(e.getMessage()) + "</p>");
        }
        return true;
    }

    private static String formValue(Request request, String name) {
        try (InputStream in = Content.Source.asInputStream(request)) {
            String body = new String(in.readNBytes(8192), StandardCharsets.UTF_8);
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).equals(name)) return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
        return null;
    }

    private static String button(String label, boolean primary) {
        return "<button type=\"submit\" class=\"btn btn-block btn-large " + (primary ? "btn-primary" : "btn-secondary") + "\">"
                + label + "</button>";
    }

    /** The pages' own look (styles, icon, a main landmark), so an answer reads like the rest of Balint Companion. */
    private static void page(Response response, Callback callback, int status, String lang, String title, String body) {
        write(response, callback, status, "text/html; charset=UTF-8", "<!doctype html><html lang=\"" + lang + "\"><head>"
                + "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"referrer\" content=\"no-referrer\"><meta name=\"robots\" content=\"noindex, nofollow\">"
                + "<title>" + title + "</title><link rel=\"icon\" href=\"/shared/icon.svg\" type=\"image/svg+xml\">"
                + "<link rel=\"stylesheet\" href=\"/shared/styles.css\"></head><body class=\"page-rsvp\">"
                + "<header class=\"topbar\"><div class=\"brand\"><span class=\"brand-mark\" aria-hidden=\"true\"></span>"
                + "<span class=\"brand-text\"><span class=\"brand-name\">Balint Companion</span></span></div></header>"
                + "<main id=\"main\" class=\"rsvp-main\"><section class=\"card\" aria-labelledby=\"rsvp-title\">"
                + "<h1 id=\"rsvp-title\">" + title + "</h1>" + body + "</section></main></body></html>");
    }

    private static void write(Response response, Callback callback, int status, String type, String text) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.write(true, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), callback);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
