-- The operator's inbox: one row per time something waited for the operator — a step waiting for them (a gate,
-- an approval, a task, a budget, an unknown outcome) or a run that failed by itself. Written by the runtime in
-- the transaction that changes the run, closed in the one that settles it: the open rows are the queue, the
-- closed ones say how long each run waited for the operator and who decided. Portable (SQLite and PostgreSQL).
CREATE TABLE inbox_items (
    id               TEXT    PRIMARY KEY,
    run_id           TEXT    NOT NULL,
    step_id          TEXT    NOT NULL,   -- the waiting step, or the failed one ('' when the run failed outside its steps)
    kind             TEXT    NOT NULL,   -- gate, approval, task, budget, outcome, failure
    flow             TEXT    NOT NULL,
    title            TEXT    NOT NULL,
    impact           INTEGER NOT NULL,   -- business impact: higher comes first
    impacts          TEXT    NOT NULL,   -- the impacts as words (money, customer_visible, irreversible)
    due_at           BIGINT,             -- a gate's deadline
    default_decision TEXT,               -- what the deadline decides
    opened_at        BIGINT  NOT NULL,
    closed_at        BIGINT,
    is_open          INTEGER NOT NULL,
    snoozed_until    BIGINT,
    decision         TEXT,               -- approved, edited, rejected, answered, defaulted, retried, cancelled, ...
    decided_by       TEXT,
    sweep_at         BIGINT              -- when automatic playbooks look at it (failures, budgets, outcomes)
);
-- The first page: open items by impact, then age; and those whose deadline is near. Partial, so that the
-- closed items (the great majority, over time) cost the queue nothing.
CREATE INDEX inbox_queue ON inbox_items (impact DESC, opened_at, id) WHERE is_open = 1;
CREATE INDEX inbox_due ON inbox_items (due_at) WHERE is_open = 1 AND due_at IS NOT NULL;
CREATE INDEX inbox_by_run ON inbox_items (run_id, step_id);
CREATE INDEX inbox_by_time ON inbox_items (opened_at);
CREATE INDEX inbox_sweep ON inbox_items (sweep_at) WHERE sweep_at IS NOT NULL;
