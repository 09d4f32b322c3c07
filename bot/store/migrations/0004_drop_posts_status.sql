-- posts_retry (status, attempts, claimed_at; migration 0003) serves every query that
-- posts_status (status, group_id) served: one index less to update at each claim and send.
DROP INDEX posts_status;
