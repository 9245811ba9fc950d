-- Partners' budgets city-wide or per kelurahan, as each partner chooses (issue 22, docs/partners.md): a program's
-- budget scope is CITY (one pool for every Puskesos, as before) or KELURAHAN (one pool per Puskesos). A pool is the
-- city's (tenant_id NULL) or one Puskesos's. Portable SQL (H2, PostgreSQL); every existing budget stays a city pool.

ALTER TABLE program ADD COLUMN budget_scope VARCHAR(9) DEFAULT 'CITY' NOT NULL;
ALTER TABLE program ADD CONSTRAINT ck_program_budget_scope CHECK (budget_scope IN ('CITY', 'KELURAHAN'));

-- The budget table is rebuilt with the pool in its key. "pool" is the tenant id, or 'KOTA' for the city pool: a
-- primary key cannot hold a NULL, and the check keeps pool and tenant_id one fact. Reservations stay conditional
-- updates of one pool's row, and the check on the sums stays the last line of defence, per pool.
CREATE TABLE program_budget_pool (
    program_code VARCHAR(32) NOT NULL REFERENCES program (code),
    period       VARCHAR(7)  NOT NULL,
    tenant_id    VARCHAR(10) REFERENCES puskesos (tenant_id),
    pool         VARCHAR(10) NOT NULL,
    allocated    BIGINT      NOT NULL,
    reserved     BIGINT      DEFAULT 0 NOT NULL,
    disbursed    BIGINT      DEFAULT 0 NOT NULL,
    PRIMARY KEY (program_code, period, pool),
    CONSTRAINT ck_budget_pool_names_tenant CHECK (pool = COALESCE(tenant_id, 'KOTA')),
    CONSTRAINT ck_budget_pool_within_allocation
        CHECK (reserved >= 0 AND disbursed >= 0 AND reserved + disbursed <= allocated)
);
INSERT INTO program_budget_pool (program_code, period, tenant_id, pool, allocated, reserved, disbursed)
SELECT program_code, period, NULL, 'KOTA', allocated, reserved, disbursed FROM program_budget;
DROP TABLE program_budget;
ALTER TABLE program_budget_pool RENAME TO program_budget;

-- which pool a top-up went to (NULL: the city's)
ALTER TABLE program_budget_change ADD COLUMN tenant_id VARCHAR(10);

-- A commitment carries its case's Puskesos (the waiting list of a per-kelurahan program is that Puskesos's) and the
-- pool its reservation draws from ('KOTA' or the tenant id; NULL while it waits: a waiting case is served from
-- whichever pool its program's scope names when the money comes).
ALTER TABLE budget_commitment ADD COLUMN tenant_id VARCHAR(10);
UPDATE budget_commitment SET tenant_id = (SELECT r.tenant_id FROM referral r
                                          WHERE r.referral_number = budget_commitment.referral_number);
ALTER TABLE budget_commitment ALTER COLUMN tenant_id SET NOT NULL;
ALTER TABLE budget_commitment ADD COLUMN pool VARCHAR(10);
UPDATE budget_commitment SET pool = 'KOTA' WHERE status <> 'WAITING';
CREATE INDEX ix_budget_commitment_tenant_queue ON budget_commitment (program_code, status, tenant_id);
