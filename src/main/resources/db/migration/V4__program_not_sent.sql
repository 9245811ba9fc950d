-- A program chosen but not sent now has one status, whatever the reason (no consent, not in DTKS/DTSEN).
UPDATE program_referral SET status = 'NOT_SENT' WHERE status = 'SKIPPED_NO_CONSENT';
