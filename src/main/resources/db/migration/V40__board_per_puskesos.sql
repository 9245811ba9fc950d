-- The boards per Puskesos and the city SLRT's view (issue 22). A Puskesos's board reads its cases by V37's
-- (tenant_id, status, stage) and (tenant_id, received_at), its tasks by the engine's ACT_IDX_TASK_TENANT_ID. The city's
-- view counts every Puskesos's open cases in one query grouped by tenant: this index reads only the open cases'
-- entries, in tenant order, instead of every case's. Portable SQL (H2, PostgreSQL).
CREATE INDEX ix_referral_status_tenant ON referral (status, tenant_id);
