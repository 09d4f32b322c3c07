-- Indexes for the daily fan-out and for answers to a popular post.

-- The rows of a range of local dates, read once per fan-out.
CREATE INDEX posts_day ON posts (local_date, group_id);

-- The next retry: the earliest claim of each status and attempt count, one seek each.
CREATE INDEX posts_retry ON posts (status, attempts, claimed_at);

-- One member's answers to a post, and its distinct solvers, without reading every answer
-- to the post: (post_id, correct) alone made both scan them.
DROP INDEX submissions_post;
CREATE INDEX submissions_post ON submissions (post_id, correct, member_id);

-- Recording an answer in one statement, so in one transaction and one trip to the database
-- thread: INSERT INTO answers_in (...) stores the submission, the 'solved' streak event when
-- streak_day is set (a correct daily answer in time), and marks a correct practice answer
-- solved (post_id NULL). The view itself never holds rows.
CREATE VIEW answers_in AS SELECT
    NULL AS group_id, NULL AS member_id, NULL AS post_id, NULL AS problem_id, NULL AS answer,
    NULL AS correct, NULL AS mistake, NULL AS at, NULL AS streak_day
WHERE 0;

CREATE TRIGGER answers_in_insert INSTEAD OF INSERT ON answers_in
BEGIN
    INSERT INTO submissions (group_id, member_id, post_id, problem_id, answer, correct, mistake, at)
    VALUES (NEW.group_id, NEW.member_id, NEW.post_id, NEW.problem_id, NEW.answer, NEW.correct,
            NEW.mistake, NEW.at);
    INSERT INTO streak_events (group_id, member_id, local_date, kind, at)
    SELECT NEW.group_id, NEW.member_id, NEW.streak_day, 'solved', NEW.at
    WHERE NEW.streak_day IS NOT NULL;
    UPDATE practice SET solved_at = NEW.at
    WHERE NEW.post_id IS NULL AND NEW.correct AND group_id = NEW.group_id
        AND member_id = NEW.member_id;
END;
