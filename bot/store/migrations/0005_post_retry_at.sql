-- A failed post's next attempt is decided when it fails, not re-derived at each scan: the
-- platform may ask for a longer wait (a rate limit's Retry-After) than the backoff.
-- retry_at NULL on a failed row: set aside, never tried again (attempts used up, or it may
-- be in the channel already and the platform cannot be asked).
ALTER TABLE posts ADD COLUMN retry_at TEXT;
-- 1 when the failed attempt may have reached the platform: look before sending again.
ALTER TABLE posts ADD COLUMN maybe_posted INTEGER NOT NULL DEFAULT 0;
UPDATE posts SET retry_at = claimed_at WHERE status = 'failed';
-- The earliest failed post to retry, one seek.
CREATE INDEX posts_failed_retry ON posts (status, retry_at) WHERE retry_at IS NOT NULL;
