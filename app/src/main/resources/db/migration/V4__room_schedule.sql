-- When a meeting's room was ended, so the automatic opening does not bring it back.
ALTER TABLE meeting ADD COLUMN room_ended_at TIMESTAMP WITH TIME ZONE;
