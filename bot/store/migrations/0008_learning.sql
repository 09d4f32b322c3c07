-- Learning that adapts: spaced review cards, each review's rating, practice ability, recaps.

-- One card per member and skill (a template id, or topic:difficulty for a fixed problem),
-- created when the member failed a problem of that skill or solved it only after hints.
CREATE TABLE review_cards (
    id          INTEGER PRIMARY KEY,
    group_id    INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    member_id   INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    skill       TEXT NOT NULL,
    topic       TEXT NOT NULL,
    difficulty  INTEGER NOT NULL,
    card        TEXT NOT NULL,              -- fsrs Card.to_json()
    due         TEXT NOT NULL,              -- the card's due time (UTC, ISO 8601), for ordering
    lapses      INTEGER NOT NULL DEFAULT 0, -- reviews rated Again
    last_shown  TEXT NOT NULL,              -- digest of the last statement shown: never twice in a row
    set_aside_at TEXT,                      -- after too many lapses: no longer served
    created_at  TEXT NOT NULL,
    UNIQUE (group_id, member_id, skill)
);
CREATE INDEX review_cards_due ON review_cards (group_id, member_id, due);

-- Every rated review: the daily cap counts them, the recap and /progress read them.
CREATE TABLE reviews (
    id         INTEGER PRIMARY KEY,
    card_id    INTEGER NOT NULL REFERENCES review_cards (id) ON DELETE CASCADE,
    group_id   INTEGER NOT NULL,
    member_id  INTEGER NOT NULL,
    local_date TEXT NOT NULL,               -- the member's day in the group's timezone
    problem_id TEXT NOT NULL,
    rating     INTEGER NOT NULL,            -- fsrs Rating: 1 again, 2 hard, 3 good, 4 easy
    at         TEXT NOT NULL
);
CREATE INDEX reviews_member ON reviews (group_id, member_id, local_date);

-- A review is served as the member's practice problem, tied to its card until rated.
ALTER TABLE practice ADD COLUMN card_id INTEGER REFERENCES review_cards (id) ON DELETE SET NULL;
ALTER TABLE practice ADD COLUMN rated_at TEXT;

-- Practice at the right level: a member's ability on a topic, an item's difficulty, on the
-- logistic (Elo) scale, moved by first attempts (bot/learning/ability.py).
CREATE TABLE abilities (
    group_id  INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    member_id INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    topic     TEXT NOT NULL,
    value     REAL NOT NULL,
    count     INTEGER NOT NULL,                -- first attempts behind it
    PRIMARY KEY (group_id, member_id, topic)
);

CREATE TABLE item_difficulty (
    item_id TEXT PRIMARY KEY,                  -- a problem id or a template id
    value   REAL NOT NULL,
    count   INTEGER NOT NULL
);

-- The weekly recap's ledger: one row per group per week, claimed before sending (as posts).
CREATE TABLE recaps (
    id         INTEGER PRIMARY KEY,
    group_id   INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    week_start TEXT NOT NULL,               -- the local Monday it is posted on
    slot_at    TEXT NOT NULL,               -- when it was due (UTC)
    status     TEXT NOT NULL CHECK (status IN ('claimed', 'sent', 'failed')),
    attempts   INTEGER NOT NULL DEFAULT 0,
    message_id TEXT,
    last_error TEXT,
    claimed_at TEXT NOT NULL,
    posted_at  TEXT,
    UNIQUE (group_id, week_start)
);
CREATE INDEX recaps_unsent ON recaps (status, slot_at);

-- One first attempt's update in one statement (one trip to the database thread):
-- INSERT INTO ability_updates (...) upserts the member's ability and the item's difficulty.
CREATE VIEW ability_updates AS SELECT
    NULL AS group_id, NULL AS member_id, NULL AS topic, NULL AS ability, NULL AS ability_count,
    NULL AS item_id, NULL AS item, NULL AS item_count
WHERE 0;

CREATE TRIGGER ability_updates_insert INSTEAD OF INSERT ON ability_updates
BEGIN
    INSERT INTO abilities (group_id, member_id, topic, value, count)
    VALUES (NEW.group_id, NEW.member_id, NEW.topic, NEW.ability, NEW.ability_count)
    ON CONFLICT (group_id, member_id, topic)
    DO UPDATE SET value = excluded.value, count = excluded.count;
    INSERT INTO item_difficulty (item_id, value, count)
    VALUES (NEW.item_id, NEW.item, NEW.item_count)
    ON CONFLICT (item_id) DO UPDATE SET value = excluded.value, count = excluded.count;
END;
