-- What the service-level watch has done about a task: escalated at breach, escalated to the city SLRT when a partner
-- stays silent for twice its service level. One row per task and kind, so a watch run never repeats itself.
CREATE TABLE sla_notice (
    task_id         VARCHAR(64)  NOT NULL,
    kind            VARCHAR(16)  NOT NULL,
    referral_number VARCHAR(20),
    task_key        VARCHAR(64)  NOT NULL,
    due_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    noticed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (task_id, kind)
);
CREATE INDEX ix_sla_notice_time ON sla_notice (noticed_at);
