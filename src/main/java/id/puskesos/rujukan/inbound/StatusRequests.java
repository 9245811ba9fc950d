package id.puskesos.rujukan.inbound;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.referral.CaseFile;
import id.puskesos.rujukan.referral.ReferralRecord;
import id.puskesos.rujukan.referral.Stage;
import id.puskesos.rujukan.registry.Registry;
import id.puskesos.rujukan.tenant.PuskesosDirectory;
import id.puskesos.rujukan.registry.Resident;

/**
 * Status on request: the referral number and the resident's birth date, sent from the resident's registered number,
 * earn one short message with the case's stage in plain words and nothing else (no name, NIK, birth date or address).
 * Any other combination, a number nobody registered included, earns the same "tidak cocok" reply, so the answer
 * teaches nothing about which part was wrong.
 */
@Service
@Transactional(readOnly = true)
class StatusRequests {

  private final CaseFile caseFile;
  private final Registry registry;
  private final PuskesosDirectory directory;

  StatusRequests(CaseFile caseFile, Registry registry, PuskesosDirectory directory) {
    this.directory = directory;
    this.caseFile = caseFile;
    this.registry = registry;
  }

  Reply answer(String sender, InboundText request) {
    Optional<ReferralRecord> found = request.birthDate() == null ? Optional.empty()
        : caseFile.find(request.referralNumber());
    Optional<Resident> resident = found.flatMap(r -> registry.find(r.residentId()));
    boolean matches = resident.isPresent() && request.birthDate().equals(resident.get().birthDate())
        && PhoneNumbers.national(resident.get().phone()).map(sender::equals).orElse(false);
    if (!matches) {
      return new Reply(Reply.Outcome.NOT_MATCHED, Reply.NOT_MATCHED_TEXT, null);
    }
    ReferralRecord referral = found.get();
    return new Reply(Reply.Outcome.ANSWERED, "%s: rujukan %s %s".formatted(directory.of(referral.tenantId()).title(),
        referral.referralNumber(), inPlainWords(referral)), referral.referralNumber());
  }

  /** The case's state as a resident understands it. */
  static String inPlainWords(ReferralRecord referral) {
    if (!referral.open()) {
      return "sudah selesai" + (referral.outcome() == null ? "." : " (" + referral.outcome().label() + ").")
          + " Terima kasih.";
    }
    Stage stage = referral.stage() == null ? Stage.INTAKE : referral.stage();
    return switch (stage) {
      case INTAKE -> "sudah diterima dan sedang dicatat petugas.";
      case VERIFICATION -> "sedang dalam pemeriksaan data (verifikasi).";
      case ASSESSMENT -> "sedang dalam penilaian kebutuhan oleh fasilitator.";
      case ROUTING -> "sedang ditentukan program bantuan yang sesuai.";
      case PARTNER_DECISION -> "sedang menunggu keputusan lembaga pemberi bantuan.";
      case DISTRIBUTION -> "sedang dalam tahap penyaluran bantuan.";
      case FOLLOW_UP -> "bantuan sudah disalurkan; petugas akan menindaklanjuti.";
      case CLOSED -> "sudah selesai. Terima kasih.";
    };
  }
}
