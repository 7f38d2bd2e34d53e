-- Registrant ids Zoom gave each member of a meeting: participant webhooks carry them, the cleanest way to know who
-- joined. Nothing else about the person is copied here.
CREATE TABLE zoom_registrant (
    meeting_id     VARCHAR(32)  NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    person_id      VARCHAR(32)  NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    registrant_id  VARCHAR(64)  NOT NULL,
    PRIMARY KEY (meeting_id, person_id)
);
CREATE INDEX zoom_registrant_id ON zoom_registrant (registrant_id);
CREATE INDEX meeting_zoom_id ON meeting (zoom_meeting_id);
