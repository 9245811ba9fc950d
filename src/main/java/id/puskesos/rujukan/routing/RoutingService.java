package id.puskesos.rujukan.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.common.Checks;
import id.puskesos.rujukan.referral.CaseFile;
import id.puskesos.rujukan.referral.EventType;

/**
 * Partner routing: suggest programs, record the back office's recommendation and the coordinator's decision
 * ("penetapan layanan"), then refer the case to each approved program whose partner may receive the data.
 */
@Service
@Transactional
public class RoutingService {

  public enum RoutingDecision {
    REFER, NOT_ELIGIBLE
  }

  public enum Approval {
    APPROVE, REVISE
  }

  /** The programs offered to the back office (code to label) and those pre-selected. */
  public record Suggestion(Map<String, String> options, List<String> suggested) {
  }

  /** What was sent: the programs referred, and a note for the back office when some were held back. */
  public record Issued(String recommendationNumber, List<String> referred, String note) {
  }

  private final ProgramCatalogue catalogue;
  private final ProgramRouter router;
  private final CaseFile caseFile;

  public RoutingService(ProgramCatalogue catalogue, ProgramRouter router, CaseFile caseFile) {
    this.catalogue = catalogue;
    this.router = router;
    this.caseFile = caseFile;
  }

  public Suggestion suggest(RoutingRequest request) {
    Map<String, String> options = new LinkedHashMap<>();
    catalogue.programs().forEach(p -> options.put(p.code(), catalogue.label(p)));
    return new Suggestion(options, router.suggest(request));
  }

  public void recordRecommendation(String referralNumber, RoutingDecision decision, List<String> selected,
      String notEligibleReason, String actor) {
    Checks checks = new Checks();
    if (decision == RoutingDecision.REFER) {
      checks.check(!selected.isEmpty(), "selectedPrograms", "Pilih minimal satu program untuk dirujuk");
      selected.stream().filter(code -> catalogue.findProgram(code).isEmpty())
          .forEach(code -> checks.add("selectedPrograms", "Program " + code + " tidak dikenal"));
    } else {
      checks.check(notEligibleReason != null, "notEligibleReason", "Alasan wajib diisi bila tidak ada program");
    }
    checks.throwIfAny();
    caseFile.record(referralNumber, EventType.RECOMMENDATION_DRAFTED, actor, decision == RoutingDecision.REFER
        ? "Rekomendasi rujukan: " + names(selected)
        : "Tidak ada program yang sesuai: " + notEligibleReason);
  }

  public void recordApproval(String referralNumber, Approval approval, String note, String actor) {
    Checks checks = new Checks();
    checks.check(approval == Approval.APPROVE || note != null, "coordinatorNote",
        "Catatan untuk back office wajib diisi bila rekomendasi dikembalikan");
    checks.throwIfAny();
    caseFile.record(referralNumber, EventType.SERVICE_DECIDED, actor, approval == Approval.APPROVE
        ? "Penetapan layanan: rekomendasi disetujui koordinator"
        : "Penetapan layanan: dikembalikan untuk revisi (" + note + ")");
  }

  /**
   * Issues the recommendation letter and refers the case to each approved program. A program that needs DTKS/DTSEN
   * for a resident not in it, and a non-government partner without the resident's consent, do not receive the
   * case; that is recorded with the reason.
   */
  public Issued issue(String referralNumber, List<String> approved, RoutingRequest consent, String actor) {
    List<String> referred = new ArrayList<>();
    List<String> heldBack = new ArrayList<>();
    for (String code : approved) {
      Program program = catalogue.program(code);
      Partner partner = catalogue.partnerOf(program);
      String reason = !consent.mayReferTo(program)
          ? "Warga belum terdaftar di DTKS/DTSEN (usulan ke Dinas Sosial berjalan)"
          : consent.mayShareWith(partner) ? null : "Warga belum menyetujui data dibagikan kepada " + partner.name();
      if (reason == null) {
        caseFile.referProgram(referralNumber, code, partner.code(), actor);
        caseFile.record(referralNumber, EventType.PROGRAM_REFERRED, actor,
            "Dirujuk ke %s (%s)".formatted(program.name(), partner.name()));
        referred.add(code);
      } else {
        caseFile.skipProgram(referralNumber, code, partner.code(), reason, actor);
        caseFile.record(referralNumber, EventType.PROGRAM_SKIPPED, actor, "%s tidak dikirim: %s".formatted(
            program.name(), reason));
        heldBack.add(program.name());
      }
    }
    String letter = "REK/" + referralNumber;
    if (!referred.isEmpty()) {
      caseFile.recordRecommendation(referralNumber, letter);
    }
    String note = heldBack.isEmpty() ? null
        : "Tidak dikirim (belum terdaftar DTKS/DTSEN atau belum ada persetujuan berbagi data): "
            + String.join(", ", heldBack);
    return new Issued(referred.isEmpty() ? null : letter, referred, note);
  }

  private String names(List<String> codes) {
    return String.join(", ", codes.stream().map(c -> catalogue.program(c).name()).toList());
  }
}
