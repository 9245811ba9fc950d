-- Complaints about the service itself (docs/grievances.md): slow, rude, aid not as promised, other. A grievance is a
-- case of its own for the koordinator, optionally linked to the referral it is about. Portable SQL (H2, PostgreSQL).

-- Gapless grievance numbers per year (ADU-2026-000001): the row is locked until the opening commits, so a rolled-back
-- opening gives its number back. Grievances are few; unlike referral numbers (V25) the wait does not matter, and an
-- auditor can see that no complaint went missing between two numbers.
CREATE TABLE grievance_number_counter (
    counter_year INTEGER PRIMARY KEY,
    last_number  BIGINT NOT NULL
);

CREATE TABLE grievance (
    grievance_number     VARCHAR(20)   PRIMARY KEY,
    referral_number      VARCHAR(20)   REFERENCES referral (referral_number),
    kind                 VARCHAR(30)   NOT NULL,
    channel              VARCHAR(20)   NOT NULL,
    complaint_text       VARCHAR(2000) NOT NULL,
    -- the organisation complained about: PUSKESOS or a partner's code from the catalogue
    about_code           VARCHAR(30)   NOT NULL,
    status               VARCHAR(20)   NOT NULL,
    received_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    received_by          VARCHAR(64)   NOT NULL,
    process_instance_id  VARCHAR(64),
    finding              VARCHAR(2000),
    action_taken         VARCHAR(2000),
    outcome              VARCHAR(20),
    resident_informed    BOOLEAN,
    resolved_at          TIMESTAMP WITH TIME ZONE,
    resolved_by          VARCHAR(64),
    partner_answer       VARCHAR(2000),
    partner_answered_at  TIMESTAMP WITH TIME ZONE,
    partner_answered_by  VARCHAR(64)
);

CREATE INDEX idx_grievance_received ON grievance (received_at);
CREATE INDEX idx_grievance_referral ON grievance (referral_number);
CREATE INDEX idx_grievance_about ON grievance (about_code);
