-- The partner-referral process instance that works on the program now. task_sendReferral records it when it sends
-- the program to its partner; the back office's redirect and routing's next alternative move it to the new program.
-- A partner's decision, the handover and every other command of a partner referral act on the program recorded
-- here, never on a process variable, which a form submission could set. Portable SQL: H2 and PostgreSQL.
ALTER TABLE program_referral ADD COLUMN partner_instance_id VARCHAR(64);
CREATE UNIQUE INDEX ux_program_referral_partner_instance ON program_referral (partner_instance_id);

-- Partner referrals running at the upgrade: their program is the one their process variable names now (the engine's
-- tables exist since V11; a finished instance is no longer in ACT_RU_*).
UPDATE program_referral SET partner_instance_id = (
    SELECT MIN(e.PROC_INST_ID_)
    FROM ACT_RU_EXECUTION e
    JOIN ACT_RE_PROCDEF d ON d.ID_ = e.PROC_DEF_ID_
    JOIN ACT_RU_VARIABLE v ON v.EXECUTION_ID_ = e.ID_
    WHERE e.ID_ = e.PROC_INST_ID_
      AND d.KEY_ = 'partner-referral'
      AND e.BUSINESS_KEY_ = program_referral.referral_number
      AND v.NAME_ = 'programCode'
      AND v.TEXT_ = program_referral.program_code);
