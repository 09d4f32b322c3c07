-- The platform deliveries that acted (a Discord interaction id, a Slack trigger_id): a
-- delivery replayed after a resume or retried by the platform must not act twice. Rows
-- older than a day are purged: no platform replays a delivery that late.
CREATE TABLE deliveries (
    platform TEXT NOT NULL,
    delivery TEXT NOT NULL,
    at       TEXT NOT NULL,
    PRIMARY KEY (platform, delivery)
) WITHOUT ROWID;
CREATE INDEX deliveries_at ON deliveries (at);
