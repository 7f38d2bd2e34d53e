-- Invitations, reminders and RSVP by e-mail. A job is one message to one person about one version (sequence) of a
-- meeting; the unique key makes each message exist once, whatever the number of schedulers or restarts.
ALTER TABLE balint_group ADD COLUMN invite_days_ahead INTEGER DEFAULT 7 NOT NULL;
ALTER TABLE balint_group ADD COLUMN reminder_hours_before INTEGER DEFAULT 48 NOT NULL;
ALTER TABLE balint_group ADD COLUMN last_call_minutes_before INTEGER DEFAULT 60 NOT NULL;

-- Zoom's join link and passcode go into invitations; the start_url (host link) is never stored.
ALTER TABLE meeting ADD COLUMN zoom_join_url VARCHAR(1000);
ALTER TABLE meeting ADD COLUMN zoom_passcode VARCHAR(64);

CREATE TABLE mail_job (
    id          VARCHAR(32)  PRIMARY KEY,
    meeting_id  VARCHAR(32)  NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    person_id   VARCHAR(32)  NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    kind        VARCHAR(16)  NOT NULL,
    sequence    INTEGER      NOT NULL,
    due_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    attempts    INTEGER      NOT NULL,
    last_error  VARCHAR(500),
    claimed_by  VARCHAR(64),
    claimed_at  TIMESTAMP WITH TIME ZONE,
    done_at     TIMESTAMP WITH TIME ZONE,
    UNIQUE (meeting_id, person_id, kind, sequence)
);
CREATE INDEX mail_job_due ON mail_job (status, due_at);

-- Messages kept in the data directory when no SMTP server is configured, so the demo works with nothing set up.
CREATE TABLE outbox_message (
    id          VARCHAR(32)   PRIMARY KEY,
    job_id      VARCHAR(32)   REFERENCES mail_job (id) ON DELETE SET NULL,
    recipient   VARCHAR(320)  NOT NULL,
    subject     VARCHAR(300)  NOT NULL,
    file_name   VARCHAR(200)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
