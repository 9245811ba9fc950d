package id.puskesos.rujukan.partner;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.access.CaseAccess;
import id.puskesos.rujukan.catalogue.Program;
import id.puskesos.rujukan.catalogue.ProgramCatalogue;
import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.common.Dates;
import id.puskesos.rujukan.common.PersonalData;
import id.puskesos.rujukan.recommendation.Recommendations;
import id.puskesos.rujukan.referral.CaseFile;
import id.puskesos.rujukan.referral.EventType;
import id.puskesos.rujukan.referral.ProgramReferral;
import id.puskesos.rujukan.referral.ProgramStatus;
import id.puskesos.rujukan.referral.ReferralRecord;
import id.puskesos.rujukan.registry.Registry;
import id.puskesos.rujukan.registry.Resident;
import id.puskesos.rujukan.tenant.Letterhead;
import id.puskesos.rujukan.tenant.PuskesosDirectory;

/**
 * A program of an approved case goes out: its recommendation letter ("Surat Rekomendasi", signed by the koordinator
 * who approved the case) is issued and kept with the case (the resident is told by
 * {@code residentmessage.ResidentMessages}, from the timeline entry), and the program is with its partner
 * ({@code REFERRED}) or in the period's national proposal batch ({@code PROPOSED}). An alternative tried later goes
 * out the same way, under the same approval. The letter names the koordinator with their NIP where they have one
 * ({@link LetterSettings}) and carries a verification code partners check at {@code /verifikasi/}
 * ({@link LetterChecks}).
 */
@Service
@Transactional
public class Letters {

  private final CaseFile caseFile;
  private final Registry registry;
  private final ProgramCatalogue catalogue;
  private final RecommendationLetter letters;
  private final Recommendations recommendations;
  private final Actors actors;
  private final CaseAccess caseAccess;
  private final LetterSettings settings;
  private final PuskesosDirectory puskesos;
  private final Clock clock;

  public Letters(CaseFile caseFile, Registry registry, ProgramCatalogue catalogue, RecommendationLetter letters,
      Recommendations recommendations, Actors actors, CaseAccess caseAccess,
      LetterSettings settings, PuskesosDirectory puskesos, Clock clock) {
    this.settings = settings;
    this.puskesos = puskesos;
    this.caseFile = caseFile;
    this.registry = registry;
    this.catalogue = catalogue;
    this.letters = letters;
    this.recommendations = recommendations;
    this.actors = actors;
    this.caseAccess = caseAccess;
    this.clock = clock;
  }

  /** Sends the program out (once: a program already out is left as it is); returns its letter number. */
  public String sendOut(String referralNumber, Program program) {
    ProgramReferral referral = caseFile.programs(referralNumber).stream()
        .filter(p -> p.programCode().equals(program.code())).findFirst()
        .orElseThrow(() -> new IllegalStateException(referralNumber + " was not referred to " + program.code()));
    if (referral.status() != ProgramStatus.RECOMMENDED) {
      return referral.letterNumber();
    }
    String signer = recommendations.approver(referralNumber).orElse(actors.current());
    ReferralRecord found = caseFile.get(referralNumber);
    Resident resident = registry.get(found.residentId());
    String letterNumber = "REK/%s/%s".formatted(referralNumber, program.code());
    String aid = program.proposal()
        ? "Diusulkan melalui SIKS-NG; penerima ditetapkan Kementerian Sosial"
            + (referral.proposalBasis() == null ? "" : " (" + referral.proposalBasis() + ")")
        : referral.proposedAmount() == null ? referral.proposalBasis()
            : PartnerService.amount(program, referral.proposedAmount());
    String code = newVerificationCode();
    byte[] pdf = letters.render(new RecommendationLetter.Content(letterNumber, referralNumber, resident.fullName(),
        PersonalData.maskNik(resident.nik()), resident.fullAddress(), program.name(),
        catalogue.partnerOf(program).name(), aid, Dates.today(clock),
        caseAccess.withoutAuthorization(() -> actors.displayName(signer)),
        settings.nipOf(signer).map(LetterSettings::printed).orElse(null), VerificationCodes.printed(code),
        settings.checkPage()), Letterhead.of(puskesos.of(found.tenantId())));
    caseFile.issueLetter(referralNumber, program.code(), letterNumber, pdf, code, signer);
    caseFile.markSent(referralNumber, program.code(), program.proposal() ? ProgramStatus.PROPOSED
        : ProgramStatus.REFERRED);
    caseFile.record(referralNumber, program.proposal() ? EventType.PROPOSAL_BATCHED : EventType.PROGRAM_REFERRED,
        Actors.SYSTEM, "%s: surat rekomendasi %s terbit; %s".formatted(program.name(), letterNumber,
            program.proposal() ? "usulan masuk batch SIKS-NG periode berjalan"
                : "rujukan dikirim ke " + catalogue.partnerOf(program).name()), program.code());
    return letterNumber;
  }

  /**
   * A code no letter has yet. With 31^12 codes a draw that is taken is all but impossible; should two letters issued
   * at the same moment draw the same one, the table's constraint refuses the second and its transaction is retried.
   */
  private String newVerificationCode() {
    for (int i = 0; i < 5; i++) {
      String code = VerificationCodes.next();
      if (!caseFile.verificationCodeTaken(code)) {
        return code;
      }
    }
    throw new IllegalStateException("No free verification code in 5 draws: check the random source");
  }
}
