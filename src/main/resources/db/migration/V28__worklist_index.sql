-- The group worklist (security.WorklistTaskQuery) lists a group's open tasks urgent first, then oldest first: with
-- this index PostgreSQL walks the tasks in that order and stops after a page, instead of sorting all of them.
-- The same statement on PostgreSQL and H2.
CREATE INDEX ix_task_priority_created ON ACT_RU_TASK (PRIORITY_ DESC, CREATE_TIME_);
