-- One installation for the city (issue 22, docs/adr/0003-one-deployment-for-the-city.md): each Puskesos is a
-- tenant, named by its kelurahan's Kemendagri code without dots. The cases recorded before this version are Lebak
-- Siliwangi's, the one Puskesos the installation served. Portable SQL (H2, PostgreSQL).

CREATE TABLE puskesos (
    tenant_id   VARCHAR(10)  PRIMARY KEY,
    name        VARCHAR(100) NOT NULL UNIQUE,
    kecamatan   VARCHAR(100) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  VARCHAR(64)  NOT NULL
);

INSERT INTO puskesos (tenant_id, name, kecamatan, created_at, created_by)
VALUES ('3273021006', 'Lebak Siliwangi', 'Coblong', CURRENT_TIMESTAMP, 'migrasi');

-- numbers now carry the kelurahan code (RJK-3273021006-2026-000123, 26 characters)
ALTER TABLE referral ALTER COLUMN referral_number SET DATA TYPE VARCHAR(32);
ALTER TABLE referral_intake ALTER COLUMN referral_number SET DATA TYPE VARCHAR(32);
ALTER TABLE referral_need ALTER COLUMN referral_number SET DATA TYPE VARCHAR(32);
ALTER TABLE needs_assessment ALTER COLUMN referral_number SET DATA TYPE VARCHAR(32);
ALTER TABLE program_referral ALTER COLUMN referral_number SET DATA TYPE VARCHAR(32);
ALTER TABLE referral_event ALTER COLUMN referral_number SET DATA TYPE VARCHAR(32);
ALTER TABLE household_aid ALTER COLUMN referral_number SET DATA TYPE VARCHAR(32);
ALTER TABLE routing_choice ALTER COLUMN referral_number SET DATA TYPE VARCHAR(32);
ALTER TABLE case_decision ALTER COLUMN referral_number SET DATA TYPE VARCHAR(32);
ALTER TABLE proposal ALTER COLUMN referral_number SET DATA TYPE VARCHAR(32);
ALTER TABLE escalation ALTER COLUMN referral_number SET DATA TYPE VARCHAR(32);
ALTER TABLE escalation ALTER COLUMN open_referral SET DATA TYPE VARCHAR(32);
ALTER TABLE handover_proof ALTER COLUMN referral_number SET DATA TYPE VARCHAR(32);
ALTER TABLE resident_receipt_answer ALTER COLUMN referral_number SET DATA TYPE VARCHAR(32);
ALTER TABLE resident_inbound_log ALTER COLUMN referral_number SET DATA TYPE VARCHAR(32);
ALTER TABLE grievance ALTER COLUMN referral_number SET DATA TYPE VARCHAR(32);
ALTER TABLE budget_commitment ALTER COLUMN referral_number SET DATA TYPE VARCHAR(32);
ALTER TABLE program_distribution ALTER COLUMN referral_number SET DATA TYPE VARCHAR(32);
ALTER TABLE recommendation_letter ALTER COLUMN referral_number SET DATA TYPE VARCHAR(32);
ALTER TABLE sla_notice ALTER COLUMN referral_number SET DATA TYPE VARCHAR(32);
ALTER TABLE notification_outbox ALTER COLUMN referral_number SET DATA TYPE VARCHAR(32);

-- the Puskesos a case belongs to: its staff see it, the others' do not (CaseAccess)
ALTER TABLE referral ADD COLUMN tenant_id VARCHAR(10);
UPDATE referral SET tenant_id = '3273021006';
ALTER TABLE referral ALTER COLUMN tenant_id SET NOT NULL;
ALTER TABLE referral ADD CONSTRAINT fk_referral_puskesos FOREIGN KEY (tenant_id) REFERENCES puskesos (tenant_id);
-- every worklist, search and board of one Puskesos reads its own cases by these
CREATE INDEX ix_referral_tenant_received ON referral (tenant_id, received_at);
CREATE INDEX ix_referral_tenant_status_stage ON referral (tenant_id, status, stage);
