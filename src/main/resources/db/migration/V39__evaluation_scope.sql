-- The participatory evaluation at two levels and the monthly report per Puskesos (issue 22, docs/evaluation.md): an
-- evaluation belongs to one Puskesos (its tenant id) with its partners, or to the city ('KOTA'), whose pack sets the
-- Puskesos side by side. The evaluations and reports made before this version are Lebak Siliwangi's, the one
-- Puskesos the installation served. Portable SQL (H2, PostgreSQL).

ALTER TABLE evaluation ADD COLUMN scope VARCHAR(10);
UPDATE evaluation SET scope = '3273021006';
ALTER TABLE evaluation ALTER COLUMN scope SET NOT NULL;
ALTER TABLE evaluation DROP CONSTRAINT uq_evaluation_period;
-- one evaluation per scope and period; the lists and the city's comparison read by scope and period
ALTER TABLE evaluation ADD CONSTRAINT uq_evaluation_scope_period UNIQUE (scope, period_from, period_to);

-- an action item of the city's evaluation may be addressed to one Puskesos (its koordinator); null: to the group
ALTER TABLE evaluation_action ADD COLUMN owner_tenant VARCHAR(10);
ALTER TABLE evaluation_action ADD CONSTRAINT fk_evaluation_action_puskesos
    FOREIGN KEY (owner_tenant) REFERENCES puskesos (tenant_id);

ALTER TABLE activity_report ADD COLUMN tenant_id VARCHAR(10);
UPDATE activity_report SET tenant_id = '3273021006';
ALTER TABLE activity_report ALTER COLUMN tenant_id SET NOT NULL;
ALTER TABLE activity_report ADD CONSTRAINT fk_activity_report_puskesos
    FOREIGN KEY (tenant_id) REFERENCES puskesos (tenant_id);
ALTER TABLE activity_report DROP CONSTRAINT uq_activity_report;
ALTER TABLE activity_report ADD CONSTRAINT uq_activity_report_tenant UNIQUE (tenant_id, period, version);
