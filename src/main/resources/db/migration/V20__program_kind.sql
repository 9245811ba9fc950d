-- Two kinds of program (catalogue.ProgramKind): the national programs are proposed and decided by the ministry per
-- period (PROPOSAL: no budget here, no handover here); the partners' own programs and services are referred,
-- accepted and realised from their budgets (SERVICE).
ALTER TABLE program ADD COLUMN kind VARCHAR(16) DEFAULT 'SERVICE' NOT NULL;
UPDATE program SET kind = 'PROPOSAL' WHERE code IN ('PKH', 'BPNT', 'DTKS_INCLUSION');
