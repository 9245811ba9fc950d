-- A zakat line records which of the eight asnaf (QS At-Taubah 60; UU 23/2011) the household is served as, and a line
-- that serves a household from infaq/sedekah instead of zakat says so: routing writes both from the eligibility table.
-- fund: ZAKAT or INFAQ (null: the partner's own funds, not recorded); asnaf: FAKIR, MISKIN, GHARIMIN, ... (zakat only).
ALTER TABLE routing_choice ADD COLUMN fund VARCHAR(8);
ALTER TABLE routing_choice ADD COLUMN asnaf VARCHAR(16);
