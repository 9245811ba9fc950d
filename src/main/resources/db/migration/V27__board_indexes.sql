-- The board and the facilitation figures read the cases received in a period, and the open cases (docs/service-levels.md,
-- "The manager's board"): both through an index, never by reading the whole history.
CREATE INDEX ix_referral_received ON referral (received_at);
CREATE INDEX ix_referral_status_stage ON referral (status, stage);
