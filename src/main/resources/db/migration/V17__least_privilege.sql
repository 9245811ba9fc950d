-- Least privilege (docs/security.md, "Least privilege and the engine's own work"). Runs before the engine starts.

-- A task's history grants (HISTORIC_TASK, resource type 19) now end with the task (security.TaskHistoryGrants):
-- remove those that tasks ended before this rule left behind. Each one read the whole history of its case.
DELETE FROM ACT_RU_AUTHORIZATION
 WHERE RESOURCE_TYPE_ = 19
   AND RESOURCE_ID_ IN (SELECT ID_ FROM ACT_HI_TASKINST WHERE END_TIME_ IS NOT NULL);

-- The full NIK, KK number and phone are no longer task or process variables: the form that needs them reads them
-- from the registry (registry.IdentityForms). Remove those running cases still carry; the forms show them again.
DELETE FROM ACT_RU_VARIABLE WHERE NAME_ IN ('nik', 'kkNumber') AND TASK_ID_ IS NOT NULL;
DELETE FROM ACT_RU_VARIABLE WHERE NAME_ = 'correctedPhone';
