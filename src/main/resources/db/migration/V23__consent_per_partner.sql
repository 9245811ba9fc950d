-- The assessment asks consent for every non-government partner of the catalogue, not for BAZNAS and Salman by name:
-- the partners the resident consented to at the assessment are kept as their codes, comma-separated ('BAZNAS,SALMAN';
-- null when none). The consent register (resident_consent) already names its purposes by partner code (SHARE_BAZNAS,
-- SHARE_SALMAN) and keeps them as they are.
ALTER TABLE needs_assessment ADD COLUMN consented_partners VARCHAR(400);
UPDATE needs_assessment SET consented_partners = CASE
    WHEN consent_baznas AND consent_salman THEN 'BAZNAS,SALMAN'
    WHEN consent_baznas THEN 'BAZNAS'
    WHEN consent_salman THEN 'SALMAN'
    ELSE NULL
END;
ALTER TABLE needs_assessment DROP COLUMN consent_baznas;
ALTER TABLE needs_assessment DROP COLUMN consent_salman;
