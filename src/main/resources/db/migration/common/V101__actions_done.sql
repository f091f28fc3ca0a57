-- The runtime's record of actions carried out, as policies count them ("at most N emails a day", "no
-- invoice sent twice"): action steps by when they finished. Partial, so that the checkpoints of other
-- kinds of steps (the great majority) do not maintain it. Portable (SQLite and PostgreSQL).
CREATE INDEX run_steps_actions ON run_steps (finished_at) WHERE kind = 'action';
