package id.puskesos.rujukan.partner;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.catalogue.Program;
import id.puskesos.rujukan.catalogue.ProgramCatalogue;
import id.puskesos.rujukan.common.Dates;
import id.puskesos.rujukan.referral.Outcome;
import id.puskesos.rujukan.referral.ProgramStatus;

/**
 * What anyone holding a letter's verification code may learn of it (the public check, {@code /verifikasi/}): whether
 * it stands, its number, its date and its program. Nothing of the resident: the code is printed on paper that passes
 * through many hands.
 *
 * <p>A letter stands while the program it sends the resident to still carries it and is not rejected, cancelled or
 * taken out, and the resident has not withdrawn the case. A letter replaced by a new one (the program went out
 * again) is no longer on record: its code is unknown, like a forged one.
 */
@Service
@Transactional(readOnly = true)
public class LetterChecks {

  /** The answer: exactly these four facts. */
  public record LetterCheck(boolean valid, String letterNumber, LocalDate issuedOn, String programName) {
  }

  private static final Set<ProgramStatus> WITHDRAWN = Set.of(ProgramStatus.REJECTED, ProgramStatus.CANCELLED,
      ProgramStatus.NOT_SENT);

  private final JdbcClient jdbc;
  private final ProgramCatalogue catalogue;

  public LetterChecks(JdbcClient jdbc, ProgramCatalogue catalogue) {
    this.jdbc = jdbc;
    this.catalogue = catalogue;
  }

  /** The letter carrying the code as typed; empty for a code no letter carries and for text that is no code. */
  public Optional<LetterCheck> check(String typed) {
    return VerificationCodes.canonical(typed).flatMap(code -> jdbc.sql("""
        SELECT l.letter_number, l.program_code, l.issued_at, p.letter_number AS current_letter, p.status, r.outcome
        FROM recommendation_letter l
        JOIN referral r ON r.referral_number = l.referral_number
        LEFT JOIN program_referral p ON p.referral_number = l.referral_number AND p.program_code = l.program_code
        WHERE l.verification_code = ?""")
        .param(code)
        .query((rs, row) -> {
          String letterNumber = rs.getString("letter_number");
          String status = rs.getString("status");
          String outcome = rs.getString("outcome");
          boolean valid = letterNumber.equals(rs.getString("current_letter")) && status != null
              && !WITHDRAWN.contains(ProgramStatus.valueOf(status))
              && !Outcome.WITHDRAWN.name().equals(outcome);
          String programCode = rs.getString("program_code");
          return new LetterCheck(valid, letterNumber,
              Dates.dayOf(rs.getObject("issued_at", OffsetDateTime.class)),
              catalogue.findProgram(programCode).map(Program::name).orElse(programCode));
        })
        .optional());
  }
}
