-- Balint Companion schema, portable between H2 (embedded default) and PostgreSQL.
-- Nothing here holds what members say: no case text, no notes, no chat. See docs/operations.md.

CREATE TABLE person (
    id            VARCHAR(32)  PRIMARY KEY,
    display_name  VARCHAR(120) NOT NULL,
    email         VARCHAR(320),
    language      VARCHAR(2)   NOT NULL,
    time_zone     VARCHAR(64)  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX person_email ON person (email);

-- Declared supervisory or reporting ties: two linked people should not share a group.
CREATE TABLE supervision (
    supervisor_id VARCHAR(32) NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    supervisee_id VARCHAR(32) NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    PRIMARY KEY (supervisor_id, supervisee_id)
);

CREATE TABLE zoom_preset (
    id            VARCHAR(32)  PRIMARY KEY,
    name          VARCHAR(120) NOT NULL UNIQUE,
    settings_json VARCHAR(20000) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE balint_group (
    id                   VARCHAR(32)  PRIMARY KEY,
    name                 VARCHAR(120) NOT NULL,
    language             VARCHAR(2)   NOT NULL,
    time_zone            VARCHAR(64)  NOT NULL,
    template             VARCHAR(32)  NOT NULL,
    speaking_rule        VARCHAR(32)  NOT NULL,
    queue_policy         VARCHAR(32)  NOT NULL,
    timers_shown         BOOLEAN      NOT NULL,
    checklist_json       VARCHAR(20000) NOT NULL,
    phone_only_allowed   BOOLEAN      NOT NULL,
    observer_allowed     BOOLEAN      NOT NULL,
    keep_presented_on    BOOLEAN      NOT NULL,
    zoom_preset_id       VARCHAR(32)  REFERENCES zoom_preset (id) ON DELETE SET NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE roster_entry (
    group_id   VARCHAR(32) NOT NULL REFERENCES balint_group (id) ON DELETE CASCADE,
    person_id  VARCHAR(32) NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    role       VARCHAR(16) NOT NULL,
    seat       INTEGER     NOT NULL,
    PRIMARY KEY (group_id, person_id)
);

CREATE TABLE meeting_series (
    id                VARCHAR(32) PRIMARY KEY,
    group_id          VARCHAR(32) NOT NULL REFERENCES balint_group (id) ON DELETE CASCADE,
    cadence           VARCHAR(16) NOT NULL,
    first_local_start VARCHAR(32) NOT NULL,
    time_zone         VARCHAR(64) NOT NULL,
    duration_minutes  INTEGER     NOT NULL,
    occurrences       INTEGER     NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE meeting (
    id               VARCHAR(32) PRIMARY KEY,
    group_id         VARCHAR(32) NOT NULL REFERENCES balint_group (id) ON DELETE CASCADE,
    series_id        VARCHAR(32) REFERENCES meeting_series (id) ON DELETE CASCADE,
    starts_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    time_zone        VARCHAR(64) NOT NULL,
    duration_minutes INTEGER     NOT NULL,
    status           VARCHAR(16) NOT NULL,
    sequence         INTEGER     NOT NULL,
    zoom_meeting_id  BIGINT,
    zoom_status      VARCHAR(32) NOT NULL
);
CREATE INDEX meeting_group ON meeting (group_id, starts_at);

CREATE TABLE join_link (
    jti         VARCHAR(32) PRIMARY KEY,
    meeting_id  VARCHAR(32) NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    person_id   VARCHAR(32) NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    role        VARCHAR(16) NOT NULL,
    issued_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at  TIMESTAMP WITH TIME ZONE
);

-- Only "coming" or "not coming": no reason is ever asked or stored.
CREATE TABLE rsvp (
    meeting_id  VARCHAR(32) NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    person_id   VARCHAR(32) NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    coming      BOOLEAN     NOT NULL,
    answered_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (meeting_id, person_id)
);

-- For the "news of earlier cases" opening, when the group opts in: a name and a date, nothing else.
CREATE TABLE presented_on (
    group_id     VARCHAR(32) NOT NULL REFERENCES balint_group (id) ON DELETE CASCADE,
    person_id    VARCHAR(32) NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    meeting_date DATE        NOT NULL,
    PRIMARY KEY (group_id, person_id, meeting_date)
);

CREATE TABLE admin_account (
    id            VARCHAR(32)  PRIMARY KEY,
    email         VARCHAR(320) NOT NULL UNIQUE,
    password_hash VARCHAR(200) NOT NULL,
    role          VARCHAR(16)  NOT NULL,
    person_id     VARCHAR(32)  REFERENCES person (id) ON DELETE CASCADE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE admin_session (
    id_hash     VARCHAR(64) PRIMARY KEY,
    account_id  VARCHAR(32) NOT NULL REFERENCES admin_account (id) ON DELETE CASCADE,
    csrf_token  VARCHAR(64) NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE setup_token (
    token_hash  VARCHAR(64) PRIMARY KEY,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Who did what to which record, when: never any content.
CREATE TABLE audit_entry (
    id      BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    at      TIMESTAMP WITH TIME ZONE NOT NULL,
    actor   VARCHAR(320) NOT NULL,
    action  VARCHAR(64)  NOT NULL,
    target  VARCHAR(128) NOT NULL
);

-- Each open live room: its last snapshot, then the journal of changes since (crash safety).
CREATE TABLE live_room (
    room_id           VARCHAR(64) PRIMARY KEY,
    meeting_id        VARCHAR(32) REFERENCES meeting (id) ON DELETE CASCADE,
    snapshot_version  BIGINT      NOT NULL,
    snapshot_json     VARCHAR(1000000) NOT NULL,
    opened_at         TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE room_event (
    room_id       VARCHAR(64)  NOT NULL REFERENCES live_room (room_id) ON DELETE CASCADE,
    version       BIGINT       NOT NULL,
    at            TIMESTAMP WITH TIME ZONE NOT NULL,
    actor         VARCHAR(64)  NOT NULL,
    actor_role    VARCHAR(16)  NOT NULL,
    cmd_id        VARCHAR(64),
    command_json  VARCHAR(20000) NOT NULL,
    reply         VARCHAR(2000),
    PRIMARY KEY (room_id, version)
);
