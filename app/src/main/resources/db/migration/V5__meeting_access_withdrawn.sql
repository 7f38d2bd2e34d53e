-- A person's access to one meeting, withdrawn by a leader: every link they hold for it stops working, including one
-- a reminder e-mail issues later, until a leader issues them a new link by name.
CREATE TABLE meeting_access_withdrawn (
    meeting_id    VARCHAR(32) NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    person_id     VARCHAR(32) NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    withdrawn_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (meeting_id, person_id)
);
