package org.balintcompanion.zoom;

/**
 * Requests per second the adapter allows itself per rate category. Zoom counts per account, shared by every app
 * on that account, so lower these when other apps call Zoom too.
 */
public record RateLimits(int lightPerSecond, int mediumPerSecond, int heavyPerSecond) {

    /** Zoom's published figures for Pro accounts. */
    public static final RateLimits PRO = new RateLimits(30, 20, 10);
    /** Zoom's published figures for Business accounts and above. */
    public static final RateLimits BUSINESS = new RateLimits(80, 60, 40);

    public RateLimits {
        if (lightPerSecond < 1 || mediumPerSecond < 1 || heavyPerSecond < 1) {
            throw new IllegalArgumentException("every rate limit must allow at least one request per second");
        }
    }

    public int perSecond(RateCategory category) {
        return switch (category) {
            case LIGHT -> lightPerSecond;
            case MEDIUM -> mediumPerSecond;
            case HEAVY -> heavyPerSecond;
        };
    }
}
