-- Worklist at scale (security.WorklistAuthorizations). Runs before the engine starts.

-- A candidate group that reads every task of a definition (a GRANT with READ_TASK, permission 64, on the definition's
-- key or *, resource type 6) and holds no revoke on it no longer gets READ (permission 2) on each task of that
-- definition: its grant on the task (resource type 7) keeps the work permission only. Open tasks created before this
-- rule lose the redundant READ here, so the lists of a database upgraded with many open tasks are fast at once.
-- Bits are tested with arithmetic, the same in PostgreSQL and H2: MOD(PERMS_ / 2, 2) = 1 is "READ is set".
UPDATE ACT_RU_AUTHORIZATION
   SET PERMS_ = PERMS_ - 2, REV_ = REV_ + 1
 WHERE RESOURCE_TYPE_ = 7
   AND TYPE_ = 1
   AND GROUP_ID_ IS NOT NULL
   AND MOD(PERMS_ / 2, 2) = 1
   AND EXISTS (
     SELECT 1
       FROM ACT_RU_TASK T
       JOIN ACT_RE_PROCDEF D ON D.ID_ = T.PROC_DEF_ID_
       JOIN ACT_RU_AUTHORIZATION G ON G.GROUP_ID_ = ACT_RU_AUTHORIZATION.GROUP_ID_ AND G.RESOURCE_TYPE_ = 6
                                  AND G.TYPE_ = 1 AND G.RESOURCE_ID_ IN (D.KEY_, '*') AND MOD(G.PERMS_ / 64, 2) = 1
      WHERE T.ID_ = ACT_RU_AUTHORIZATION.RESOURCE_ID_)
   AND NOT EXISTS (
     SELECT 1
       FROM ACT_RU_TASK T
       JOIN ACT_RE_PROCDEF D ON D.ID_ = T.PROC_DEF_ID_
       JOIN ACT_RU_AUTHORIZATION R ON R.GROUP_ID_ = ACT_RU_AUTHORIZATION.GROUP_ID_ AND R.RESOURCE_TYPE_ = 6
                                  AND R.TYPE_ = 2 AND R.RESOURCE_ID_ IN (D.KEY_, '*')
      WHERE T.ID_ = ACT_RU_AUTHORIZATION.RESOURCE_ID_);
