-- The run whose step made a change (from the actor run:RUN/step:STEP), so that rolling back a run finds
-- every write it made without scanning the log. Derived from the actor, so not part of the hash.
ALTER TABLE events ADD COLUMN run_id TEXT;
CREATE INDEX events_by_run ON events (run_id, seq);
