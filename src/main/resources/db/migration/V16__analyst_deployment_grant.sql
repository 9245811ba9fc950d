-- The analyst deploys models but deletes no deployment (docs/security.md, "Analysts and models"): Camunda's DELETE
-- on deployments is all or nothing, and a cascade delete wipes the cases that run on the deployment. The grants made
-- at start-up (security.Authorizations) only ever add permissions, so a database that gave the analyst DELETE before
-- loses it here. In Camunda's table: TYPE_ 1 is a grant, RESOURCE_TYPE_ 9 the deployments, bit 16 DELETE.
UPDATE ACT_RU_AUTHORIZATION SET PERMS_ = PERMS_ - 16, REV_ = REV_ + 1
WHERE TYPE_ = 1 AND GROUP_ID_ = 'analis' AND RESOURCE_TYPE_ = 9 AND RESOURCE_ID_ = '*'
  AND MOD(PERMS_ / 16, 2) = 1;
