package org.balintcompanion.zoom;

import java.io.IOException;

/** An I/O failure before the API request left (usually: no access token), so retrying cannot repeat anything. */
class RequestNotSentException extends IOException {

    RequestNotSentException(String message) {
        super(message);
    }

    RequestNotSentException(String message, Throwable cause) {
        super(message, cause);
    }
}
