package org.balintcompanion.zoom.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A fake Zoom that follows the spec: OAuth token endpoint plus the REST paths the adapter uses, answering with the
 * spec's example bodies and keeping just enough state (meetings, registrants, host settings) for the adapter's
 * reads to reflect its writes. Faults are scripted per route and served before the normal answer.
 */
public final class FakeZoom extends Dispatcher {

    public static final String ACCOUNT_ID = "acct-Balint";
    public static final String CLIENT_ID = "client-Balint";
    public static final String CLIENT_SECRET = "s3cret-Balint";
    /** The meeting id in Zoom's create example; the fake hands out ids from here. */
    public static final long FIRST_MEETING_ID = 92674392836L;
    /** The meeting id in Zoom's "get a meeting" example, present from the start. */
    public static final long EXAMPLE_MEETING_ID = 97763643886L;

    private static final Pattern USER_MEETINGS = Pattern.compile("/v2/users/([^/]+)/meetings");
    private static final Pattern USER_SETTINGS = Pattern.compile("/v2/users/([^/]+)/settings");
    private static final Pattern MEETING = Pattern.compile("/v2/meetings/(\\d+)");
    private static final Pattern STATUS = Pattern.compile("/v2/meetings/(\\d+)/status");
    private static final Pattern REGISTRANTS = Pattern.compile("/v2/meetings/(\\d+)/registrants");

    private final ObjectMapper json = new ObjectMapper();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<MockResponse>> scripted = new ConcurrentHashMap<>();
    private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private final AtomicLong nextMeetingId = new AtomicLong(FIRST_MEETING_ID);
    private final Map<Long, ObjectNode> meetings = new ConcurrentHashMap<>();
    private final List<ObjectNode> registrants = new CopyOnWriteArrayList<>();
    private volatile ObjectNode userSettings = Examples.object("user-settings-200.json");
    private volatile long tokenDelayMillis;
    private volatile boolean refuseEveryToken;

    /** A request as the fake saw it. */
    public record Seen(String method, String path, HttpUrl url, String authorization, String contentType,
                       String body) {
        public String route() {
            return method + " " + path;
        }
    }

    public FakeZoom() {
        meetings.put(EXAMPLE_MEETING_ID, Examples.object("get-meeting-200.json"));
    }

    // ---- scripting ----

    /** Answers the next requests on {@code route} ("GET /v2/meetings/1") with these, in order. */
    public void script(String route, MockResponse... responses) {
        scripted.computeIfAbsent(route, r -> new ArrayDeque<>()).addAll(List.of(responses));
    }

    public void revokeTokens() {
        validTokens.clear();
    }

    /** Every token is refused by the API, as when the app lacks the scopes. */
    public void refuseEveryToken() {
        refuseEveryToken = true;
    }

    public void delayTokenAnswers(long millis) {
        tokenDelayMillis = millis;
    }

    public void setUserSettings(String inMeetingJson) {
        ObjectNode settings = json.createObjectNode();
        settings.set("in_meeting", Examples.parse(inMeetingJson));
        userSettings = settings;
    }

    /** Changes a meeting setting as an admin would in Zoom's web portal. */
    public void changeSetting(long meetingId, String name, JsonNode value) {
        ((ObjectNode) meetings.get(meetingId).get("settings")).set(name, value);
    }

    public void removeSetting(long meetingId, String name) {
        ((ObjectNode) meetings.get(meetingId).get("settings")).remove(name);
    }

    // ---- inspection ----

    public List<Seen> requests() {
        return List.copyOf(seen);
    }

    public List<Seen> requests(String route) {
        return seen.stream().filter(s -> s.route().equals(route)).toList();
    }

    public List<Seen> apiRequests() {
        return seen.stream().filter(s -> s.path().startsWith("/v2/")).toList();
    }

    public int tokenRequests() {
        return requests("POST /oauth/token").size();
    }

    public int meetingCount() {
        return meetings.size();
    }

    public boolean hasMeeting(long id) {
        return meetings.containsKey(id);
    }

    public ObjectNode meeting(long id) {
        return meetings.get(id);
    }

    public int registrantCount() {
        return registrants.size();
    }

    // ---- dispatch ----

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        HttpUrl url = request.getRequestUrl();
        String path = url.encodedPath();
        Seen call = new Seen(request.getMethod(), path, url, request.getHeader("Authorization"),
                request.getHeader("Content-Type"), request.getBody().readString(StandardCharsets.UTF_8));
        seen.add(call);
        Deque<MockResponse> faults = scripted.get(call.route());
        if (faults != null) {
            synchronized (faults) {
                if (!faults.isEmpty()) {
                    return faults.poll();
                }
            }
        }
        if (call.route().equals("POST /oauth/token")) {
            return token(call);
        }
        if (!authorized(call)) {
            return error(401, 124, "Invalid access token.");
        }
        return api(call);
    }

    private MockResponse token(Seen call) {
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        if (!basic.equals(call.authorization())
                || !call.body().equals("grant_type=account_credentials&account_id=" + ACCOUNT_ID)) {
            return new MockResponse().setResponseCode(400).setHeader("Content-Type", "application/json")
                    .setBody("{\"reason\":\"Invalid client_id or client_secret\",\"error\":\"invalid_client\"}");
        }
        String token = "token-" + tokensIssued.incrementAndGet();
        validTokens.add(token);
        return new MockResponse().setHeader("Content-Type", "application/json")
                .setBodyDelay(tokenDelayMillis, TimeUnit.MILLISECONDS)
                .setBody("{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\",\"expires_in\":3600,"
                        + "\"scope\":\"meeting:write:admin user:read:admin\"}");
    }

    private boolean authorized(Seen call) {
        String header = call.authorization();
        return !refuseEveryToken && header != null && header.startsWith("Bearer ")
                && validTokens.contains(header.substring("Bearer ".length()));
    }

    private MockResponse api(Seen call) {
        Matcher m;
        if (call.method().equals("POST") && (m = USER_MEETINGS.matcher(call.path())).matches()) {
            return create(call);
        }
        if (call.method().equals("GET") && (m = USER_SETTINGS.matcher(call.path())).matches()) {
            return json(200, userSettings);
        }
        if ((m = STATUS.matcher(call.path())).matches()) {
            return meetings.containsKey(Long.parseLong(m.group(1))) ? new MockResponse().setResponseCode(204)
                    : notFound(m.group(1));
        }
        if ((m = REGISTRANTS.matcher(call.path())).matches()) {
            return call.method().equals("POST") ? register(call, Long.parseLong(m.group(1))) : registrantsPage(call);
        }
        if ((m = MEETING.matcher(call.path())).matches()) {
            long id = Long.parseLong(m.group(1));
            if (!meetings.containsKey(id)) {
                return notFound(m.group(1));
            }
            return switch (call.method()) {
                case "GET" -> json(200, meetings.get(id));
                case "PATCH" -> {
                    merge(meetings.get(id), (ObjectNode) Examples.parse(call.body()));
                    yield new MockResponse().setResponseCode(204);
                }
                case "DELETE" -> {
                    meetings.remove(id);
                    yield new MockResponse().setResponseCode(204);
                }
                default -> error(405, 0, "Method not allowed");
            };
        }
        return error(404, 0, "No such path in the fake: " + call.route());
    }

    private MockResponse create(Seen call) {
        ObjectNode asked = (ObjectNode) Examples.parse(call.body());
        long id = nextMeetingId.getAndIncrement();
        ObjectNode created = Examples.object("create-meeting-201.json");
        ObjectNode stored = Examples.object("get-meeting-200.json");
        for (ObjectNode meeting : List.of(created, stored)) {
            merge(meeting, asked);
            meeting.put("id", id);
            meeting.put("join_url", "https://example.com/j/" + id + "?pwd=encrypted");
            if (!asked.has("password")) {
                meeting.remove("password");
            }
        }
        meetings.put(id, stored);
        return json(201, created);
    }

    private MockResponse register(Seen call, long meetingId) {
        if (!meetings.containsKey(meetingId)) {
            return notFound(String.valueOf(meetingId));
        }
        ObjectNode asked = (ObjectNode) Examples.parse(call.body());
        ObjectNode answer = Examples.object("add-registrant-201.json");
        String registrantId = "registrant-" + (registrants.size() + 1);
        answer.put("id", meetingId);
        answer.put("registrant_id", registrantId);
        answer.put("join_url", "https://example.com/w/" + meetingId + "?tk=personal-" + registrantId);
        asked.put("id", registrantId);
        asked.put("status", "approved");
        asked.put("join_url", answer.get("join_url").asText());
        registrants.add(asked);
        return json(201, answer);
    }

    /** Page 1 is Zoom's example (with a next_page_token); page 2 holds the registrants added through the fake. */
    private MockResponse registrantsPage(Seen call) {
        ObjectNode page = Examples.object("list-registrants-200.json");
        String pageToken = call.url().queryParameter("next_page_token");
        if (page.get("next_page_token").asText().equals(pageToken)) {
            page.put("next_page_token", "");
            page.putArray("registrants").addAll(registrants);
        }
        return json(200, page);
    }

    private static void merge(ObjectNode target, ObjectNode changes) {
        changes.properties().forEach(field -> {
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode nested && field.getValue() instanceof ObjectNode nestedChanges) {
                merge(nested, nestedChanges);
            } else {
                target.set(field.getKey(), field.getValue());
            }
        });
    }

    private MockResponse notFound(String meetingId) {
        return error(404, 3001, "Meeting does not exist: " + meetingId + ".");
    }

    public static MockResponse error(int status, int code, String message) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
                .setBody("{\"code\":" + code + ",\"message\":\"" + message + "\"}");
    }

    private MockResponse json(int status, JsonNode body) {
        try {
            return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
                    .setBody(json.writeValueAsString(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
