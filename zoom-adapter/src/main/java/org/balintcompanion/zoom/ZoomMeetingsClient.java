package org.balintcompanion.zoom;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import org.balintcompanion.zoom.generated.api.InvitationRegistrationApi;
import org.balintcompanion.zoom.generated.api.MeetingsApi;
import org.balintcompanion.zoom.generated.api.UsersApi;
import org.balintcompanion.zoom.generated.invoker.ApiClient;
import org.balintcompanion.zoom.generated.invoker.JSON;
import org.balintcompanion.zoom.generated.model.Meeting200Response;
import org.balintcompanion.zoom.generated.model.MeetingCreate201Response;
import org.balintcompanion.zoom.generated.model.MeetingRegistrantCreate201Response;
import org.balintcompanion.zoom.generated.model.MeetingRegistrantCreateRequest;
import org.balintcompanion.zoom.generated.model.MeetingStatusRequest;
import org.balintcompanion.zoom.generated.model.RegistrationList;
import org.balintcompanion.zoom.generated.model.UserSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ZoomMeetings} over Zoom's REST API, through the client generated from our trimmed spec. Thread-safe;
 * make one per process and {@link #close()} it on shutdown.
 */
public final class ZoomMeetingsClient implements ZoomMeetings, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ZoomMeetingsClient.class);
    /** Zoom's largest page; a meeting holds at most 4,999 registrants. */
    private static final int REGISTRANT_PAGE_SIZE = 300;
    private static final int MAX_REGISTRANT_PAGES = 20;

    private final OkHttpClient http;
    private final MeetingsApi meetings;
    private final InvitationRegistrationApi registrations;
    private final UsersApi users;
    private final ZoomCaller caller;
    private final MeetingRequests requests;
    private final Supplier<String> passcodes;

    public ZoomMeetingsClient(ZoomEndpoints endpoints, ZoomCredentials credentials) {
        this(endpoints, credentials, ZoomClientOptions.defaults());
    }

    public ZoomMeetingsClient(ZoomEndpoints endpoints, ZoomCredentials credentials, ZoomClientOptions options) {
        Objects.requireNonNull(endpoints, "endpoints");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(options, "options");
        // The generated mapper: NON_NULL, unknown fields ignored, java.time support.
        ObjectMapper json = new JSON().getMapper();
        // Retries are ours: OkHttp's own would silently repeat a POST whose answer was lost.
        OkHttpClient plain = new OkHttpClient.Builder()
                .callTimeout(options.callTimeout())
                .retryOnConnectionFailure(false)
                .build();
        AccessTokens tokens = new AccessTokens(plain, endpoints, credentials, options.clock(), json);
        this.http = plain.newBuilder().addInterceptor(new BearerInterceptor(tokens)).build();
        ApiClient api = new ApiClient(http);
        api.getAdapterBuilder().baseUrl(endpoints.apiBase() + "/");
        this.meetings = api.createService(MeetingsApi.class);
        this.registrations = api.createService(InvitationRegistrationApi.class);
        this.users = api.createService(UsersApi.class);
        this.caller = new ZoomCaller(new RateBudget(options.rateLimits(), options.clock(), options.sleeper()),
                options.retry(), options.clock(), options.sleeper(), options.jitter(), json);
        this.requests = new MeetingRequests(json);
        this.passcodes = options.passcodes();
    }

    @Override
    public ZoomMeeting createSecureMeeting(String hostUserId, MeetingPlan plan, SecurityPreset preset) {
        requireUser(hostUserId);
        var body = requests.create(plan, preset, preset.passcode() ? passcodes.get() : null);
        Operation operation = Operation.unsafeWrite("create the meeting \"" + plan.topic() + "\"", RateCategory.LIGHT);
        MeetingCreate201Response created = caller.call(operation, () -> meetings.meetingCreate(hostUserId, body));
        if (created == null || created.getId() == null) {
            throw new ZoomFailure.OutcomeUnknown(operation.description(), "Zoom answered without the meeting's id");
        }
        ZoomMeeting meeting = MeetingResponses.created(created);
        log.info("Created Zoom meeting {} with preset \"{}\"", meeting.id(), preset.name());
        return meeting;
    }

    @Override
    public ZoomMeeting getMeeting(long meetingId) {
        return MeetingResponses.found(readMeeting(meetingId));
    }

    @Override
    public void updateMeeting(long meetingId, MeetingUpdate update) {
        Objects.requireNonNull(update, "update");
        var body = requests.update(update, passcodes);
        if (body.isEmpty()) {
            log.debug("Nothing to send for meeting {}", meetingId);
            return;
        }
        caller.call(Operation.idempotentWrite("update meeting " + meetingId, RateCategory.LIGHT),
                () -> meetings.meetingUpdate(meetingId, null, body.get()));
    }

    @Override
    public void deleteMeeting(long meetingId) {
        caller.call(Operation.idempotentWrite("delete meeting " + meetingId, RateCategory.LIGHT),
                () -> meetings.meetingDelete(meetingId, null, null, null));
        log.info("Deleted Zoom meeting {}", meetingId);
    }

    @Override
    public void endMeeting(long meetingId) {
        var body = new MeetingStatusRequest().action(MeetingStatusRequest.ActionEnum.END);
        caller.call(Operation.idempotentWrite("end meeting " + meetingId, RateCategory.LIGHT),
                () -> meetings.meetingStatus(meetingId, body));
    }

    @Override
    public ZoomRegistrant addRegistrant(long meetingId, Registrant registrant) {
        Objects.requireNonNull(registrant, "registrant");
        var body = new MeetingRegistrantCreateRequest()
                .email(registrant.email())
                .firstName(registrant.firstName())
                .lastName(registrant.lastName());
        Operation operation = Operation.unsafeWrite("register a member for meeting " + meetingId, RateCategory.LIGHT);
        MeetingRegistrantCreate201Response created =
                caller.call(operation, () -> registrations.meetingRegistrantCreate(meetingId, null, body));
        if (created == null || created.getRegistrantId() == null) {
            throw new ZoomFailure.OutcomeUnknown(operation.description(), "Zoom answered without a registrant id");
        }
        return MeetingResponses.registered(created, registrant);
    }

    @Override
    public List<ZoomRegistrant> listRegistrants(long meetingId) {
        Operation operation = Operation.read("list the registrants of meeting " + meetingId, RateCategory.MEDIUM);
        List<ZoomRegistrant> all = new ArrayList<>();
        String pageToken = null;
        for (int page = 0; page < MAX_REGISTRANT_PAGES; page++) {
            String token = pageToken;
            RegistrationList list = caller.call(operation,
                    () -> registrations.meetingRegistrants(meetingId, null, null, REGISTRANT_PAGE_SIZE, null, token));
            if (list == null) {
                break;
            }
            all.addAll(MeetingResponses.registrants(list));
            pageToken = list.getNextPageToken();
            if (pageToken == null || pageToken.isBlank()) {
                break;
            }
        }
        return List.copyOf(all);
    }

    @Override
    public List<Drift> checkDrift(long meetingId, String hostUserId, SecurityPreset preset) {
        requireUser(hostUserId);
        Objects.requireNonNull(preset, "preset");
        Meeting200Response meeting = readMeeting(meetingId);
        UserSettings host = caller.call(Operation.read("read the host's settings", RateCategory.MEDIUM),
                () -> users.userSettings(hostUserId, null, null));
        return DriftCheck.compare(preset, meeting, host == null ? null : host.getInMeeting());
    }

    /** Releases OkHttp's threads and pooled connections. */
    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Override
    public String toString() {
        return "ZoomMeetingsClient";
    }

    private Meeting200Response readMeeting(long meetingId) {
        Operation operation = Operation.read("read meeting " + meetingId, RateCategory.LIGHT);
        Meeting200Response meeting = caller.call(operation, () -> meetings.meeting(meetingId, null, null));
        if (meeting == null || meeting.getId() == null) {
            throw new ZoomFailure.Unavailable(operation.description(), "Zoom answered without the meeting");
        }
        return meeting;
    }

    private static void requireUser(String hostUserId) {
        if (hostUserId == null || hostUserId.isBlank()) {
            throw new IllegalArgumentException("a Zoom host user id or e-mail is needed");
        }
    }
}
