-- Every recommendation letter carries a verification code a partner checks at /verifikasi/ without signing in
-- (docs/partners.md, "Letters with authority"): 12 characters of an alphabet without 0/O/1/I/L, drawn with
-- SecureRandom (partner.VerificationCodes). The database holds the uniqueness: two letters never share a code.
-- Letters issued before this version have none (they were printed without one). The same statements on H2 and
-- PostgreSQL; both let any number of rows have no code under a UNIQUE constraint.
ALTER TABLE recommendation_letter ADD COLUMN verification_code VARCHAR(12);
ALTER TABLE recommendation_letter ADD CONSTRAINT uq_recommendation_letter_code UNIQUE (verification_code);
