-- Referral numbers come from a sequence per year (referral_number_<year>, made by referral.ReferralNumbers at the
-- year's first intake, starting after the year's highest number): taking one locks nothing. The counter row it
-- replaces stayed locked until each intake committed, so every intake waited for the one before it.
DROP TABLE referral_number_counter;
