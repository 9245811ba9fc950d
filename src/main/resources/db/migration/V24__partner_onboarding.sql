-- A partner joins and leaves by an administrator's action (docs/partners.md, "Onboarding a partner"): an inactive
-- partner receives no new referrals, its programs are no longer offered, and the work it has stays its own.
ALTER TABLE partner ADD COLUMN active BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE partner ADD COLUMN deactivated_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE partner ADD COLUMN deactivated_by VARCHAR(64);
ALTER TABLE partner ADD COLUMN deactivation_reason VARCHAR(300);

-- One group per partner: a group shared by two partners would show each one's referrals to the other's staff.
CREATE UNIQUE INDEX ux_partner_group ON partner (candidate_group);

-- The version of the eligibility table (processes/program-eligibility.dmn) the case's routing evaluated: a table
-- deployed alone is used by every case routed after it; a case keeps the version it was routed with.
ALTER TABLE referral ADD COLUMN eligibility_table_version INTEGER;
