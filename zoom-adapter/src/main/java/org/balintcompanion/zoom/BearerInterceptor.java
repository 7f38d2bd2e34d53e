package org.balintcompanion.zoom;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Puts the access token on every API request. On a 401 it replaces the token once and repeats the request once;
 * a second 401 goes back to the caller. Repeating is safe even for a POST: Zoom did nothing with the first one.
 */
final class BearerInterceptor implements Interceptor {

    private final AccessTokens tokens;

    BearerInterceptor(AccessTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        String token = tokens.token();
        Response response = chain.proceed(withBearer(request, token));
        if (response.code() != 401) {
            return response;
        }
        response.close();
        return chain.proceed(withBearer(request, tokens.replace(token)));
    }

    private static Request withBearer(Request request, String token) {
        return request.newBuilder().header("Authorization", "Bearer " + token).build();
    }
}
