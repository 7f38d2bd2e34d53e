package org.balintcompanion.zoom;

import java.io.IOException;

/**
 * Zoom's OAuth endpoint refused the credentials. An IOException only so it can leave an OkHttp interceptor; the
 * caller turns it into {@link ZoomFailure.AuthFailed} and does not retry.
 */
final class CredentialsRejectedException extends IOException {

    CredentialsRejectedException(String message) {
        super(message);
    }
}
