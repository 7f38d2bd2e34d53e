package org.balintcompanion.admin;

/**
 * An HTTP refusal with a message a person understands and, where one field is at fault, its name. Becomes an
 * {@code application/problem+json} response; never a stack trace.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String title;
    private final String field;
    private final Object extra;

    public ApiException(int status, String title, String detail, String field, Object extra) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.field = field;
        this.extra = extra;
    }

    public static ApiException badField(String field, String detail) {
        return new ApiException(400, "Invalid field", detail, field, null);
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "Not found", "There is no " + what + " with this id.", null, null);
    }

    public static ApiException conflict(String field, String detail) {
        return new ApiException(409, "Conflict", detail, field, null);
    }

    public static ApiException forbidden(String detail) { return new ApiException(403, "Forbidden", detail, null, null); }

    public static ApiException unauthorized(String detail) {
        return new ApiException(401, "Not signed in", detail, null, null);
    }

    public int status() { return status; }

    public String title() { return title; }

    public String field() { return field; }

    /** Extra members of the problem body (e.g. the warnings a confirmation would accept). */
    public Object extra() { return extra; }
}
