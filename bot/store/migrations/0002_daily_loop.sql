-- The daily loop: the posting ledger, answers, hints, practice, and the streak audit trail.

-- One row per group per local date, claimed before sending, so a day is posted once.
CREATE TABLE posts (
    id         INTEGER PRIMARY KEY,
    group_id   INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    local_date TEXT NOT NULL,               -- YYYY-MM-DD in the group's timezone
    slot_at    TEXT NOT NULL,               -- when the post was due (UTC, ISO 8601)
    problem_id TEXT NOT NULL,               -- a problem id, or template-id#seed
    problem    TEXT NOT NULL,               -- the problem as posted (JSON), frozen
    status     TEXT NOT NULL CHECK (status IN ('claimed', 'sent', 'failed')),
    attempts   INTEGER NOT NULL DEFAULT 0,
    message_id TEXT,
    last_error TEXT,
    claimed_at TEXT NOT NULL,
    posted_at  TEXT,
    UNIQUE (group_id, local_date)
);
CREATE INDEX posts_status ON posts (status, group_id);

-- Every /answer that could be read, daily or practice; an unreadable answer is not stored.
CREATE TABLE submissions (
    id         INTEGER PRIMARY KEY,
    group_id   INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    member_id  INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    post_id    INTEGER REFERENCES posts (id) ON DELETE CASCADE,      -- NULL for practice
    problem_id TEXT NOT NULL,
    answer     TEXT NOT NULL,
    correct    INTEGER NOT NULL CHECK (correct IN (0, 1)),
    mistake    TEXT NOT NULL DEFAULT '',
    at         TEXT NOT NULL
);
CREATE INDEX submissions_member ON submissions (group_id, member_id, post_id);
CREATE INDEX submissions_post ON submissions (post_id, correct);

-- What a member has been shown of a daily problem beyond its statement.
CREATE TABLE hints_taken (
    post_id    INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    member_id  INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    hints      INTEGER NOT NULL DEFAULT 0,  -- how many hints this member has seen
    solution_seen_at TEXT,                  -- set once the worked solution was shown
    at         TEXT NOT NULL,
    PRIMARY KEY (post_id, member_id)
);

-- A member's current practice problem in a group (solving it never counts for streaks).
CREATE TABLE practice (
    group_id   INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    member_id  INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    problem_id TEXT NOT NULL,
    problem    TEXT NOT NULL,               -- JSON, as for posts
    hints      INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    solved_at  TEXT,
    PRIMARY KEY (group_id, member_id)
);

-- Append-only: every change that affects a streak. Streaks are recomputed from these.
CREATE TABLE streak_events (
    id         INTEGER PRIMARY KEY,
    group_id   INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    member_id  INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    local_date TEXT NOT NULL,               -- the day it concerns
    kind       TEXT NOT NULL CHECK (kind IN ('solved', 'fix')),
    at         TEXT NOT NULL,               -- when it was recorded (UTC)
    by_member  INTEGER REFERENCES members (id),   -- the admin, for a fix
    note       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX streak_events_member ON streak_events (group_id, member_id, local_date);
