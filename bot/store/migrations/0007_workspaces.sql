-- Workspaces an app was installed into (Slack's distributed mode): the bot token for each,
-- and whether the workspace still takes posts. Tokens never leave this table: not in logs,
-- not in `studybot export`.
CREATE TABLE workspaces (
    platform         TEXT NOT NULL,
    workspace        TEXT NOT NULL,
    name             TEXT NOT NULL DEFAULT '',
    bot_token        TEXT,                  -- NULL once uninstalled or revoked
    bot_id           TEXT,
    bot_user_id      TEXT,
    scopes           TEXT NOT NULL DEFAULT '',
    refresh_token    TEXT,                  -- set when token rotation is on
    token_expires_at INTEGER,               -- Unix seconds; NULL: the token does not expire
    installed_at     TEXT NOT NULL,
    inactive_since   TEXT,                  -- set: no daily posts (revoked token, uninstalled)
    inactive_reason  TEXT,
    uninstalled_at   TEXT,                  -- set: its data is purged after the grace period
    PRIMARY KEY (platform, workspace)
) WITHOUT ROWID;

-- OAuth `state` values handed out by /slack/install, each good for one redirect.
CREATE TABLE oauth_states (
    state      TEXT PRIMARY KEY,
    expires_at TEXT NOT NULL
) WITHOUT ROWID;
