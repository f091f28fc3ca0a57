-- The KPIs and the daily digest read the runs triggered in a window, of every flow: by their trigger time.
CREATE INDEX runs_by_time ON runs (created_at);
