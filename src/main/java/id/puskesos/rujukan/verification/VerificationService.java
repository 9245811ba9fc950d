package id.puskesos.rujukan.verification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.common.Checks;
import id.puskesos.rujukan.process.ReferralSettings;
import id.puskesos.rujukan.referral.CaseFile;
import id.puskesos.rujukan.referral.EventType;
import id.puskesos.rujukan.registry.RegistryCheck;
import id.puskesos.rujukan.registry.RegistryCheck.DtksStatus;
import id.puskesos.rujukan.registry.ResidentRepository;

/**
 * Verification and validation: the resident's registry facts are recorded (who verified, when, what DTKS/DTSEN
 * says) and stale or missing registry data always leads to a home visit, whatever the officer chose. This is
 * the software's answer to the study's first finding: data nobody keeps up to date.
 */
@Service
@Transactional
public class VerificationService {

  /** Opinions a fasilitator can ask for on a home visit: health worker and Babinsa. */
  public static final Set<String> OPINION_GROUPS = Set.of("nakes", "babinsa");

  private final CaseFile caseFile;
  private final ResidentRepository residents;
  private final ReferralSettings settings;
  private final Clock clock;

  public VerificationService(CaseFile caseFile, ResidentRepository residents, ReferralSettings settings,
      Clock clock) {
    this.caseFile = caseFile;
    this.residents = residents;
    this.settings = settings;
    this.clock = clock;
  }

  /** Records the verification; true when the resident needs a home visit before the assessment. */
  public boolean verify(String referralNumber, Verification v, String actor) {
    Checks checks = new Checks();
    checks.check(v.documentsChecked(), "documentsChecked", "KTP dan KK wajib dicocokkan sebelum verifikasi disimpan");
    RegistryCheck registry = v.registry();
    checks.check(registry.dtksStatus() != null, "dtksStatus", "Status DTKS/DTSEN wajib diisi");
    if (registry.dtksStatus() == DtksStatus.LISTED) {
      checks.check(registry.desil() != null && registry.desil() >= 1 && registry.desil() <= 10, "desil",
          "Desil harus 1 sampai 10 untuk warga yang terdaftar");
      checks.check(registry.registryUpdatedOn() != null, "registryUpdatedOn",
          "Tanggal pemutakhiran DTKS/DTSEN wajib diisi untuk warga yang terdaftar");
      checks.check(registry.registryUpdatedOn() == null || !registry.registryUpdatedOn().isAfter(today()),
          "registryUpdatedOn", "Tanggal pemutakhiran DTKS/DTSEN tidak boleh di masa depan");
    }
    checks.check(v.result() != null, "verificationResult", "Hasil verifikasi wajib dipilih");
    if (v.result() == Verification.Result.NOT_ELIGIBLE) {
      checks.check(v.notEligibleReason() != null, "notEligibleReason", "Alasan tidak memenuhi syarat wajib diisi");
    } else {
      checks.check(!registry.deceasedOrMoved(), "verificationResult",
          "Warga yang meninggal atau pindah domisili tidak dapat dilanjutkan; pilih 'Tidak memenuhi syarat'");
    }
    checks.throwIfAny();

    residents.recordVerification(caseFile.get(referralNumber).residentId(), registry, actor);
    boolean stale = registry.dtksStatus() == DtksStatus.NOT_LISTED || isStale(registry.registryUpdatedOn());
    boolean homeVisit = v.result() == Verification.Result.HOME_VISIT
        || v.result() == Verification.Result.VALID && stale;
    caseFile.record(referralNumber, EventType.VERIFIED, actor, describe(v, stale, homeVisit));
    return homeVisit;
  }

  /** Records the home visit; returns the groups whose opinion the fasilitator asked for. */
  public List<String> recordHomeVisit(String referralNumber, String visitDate, String findings,
      List<String> opinionsRequested, boolean proposeDtksUpdate, String actor) {
    Checks checks = new Checks();
    LocalDate date = checks.date("visitDate", visitDate, "Tanggal kunjungan", true);
    checks.check(date == null || !date.isAfter(today()), "visitDate", "Tanggal kunjungan tidak boleh di masa depan");
    String text = checks.required("visitFindings", findings, "Temuan kunjungan");
    checks.check(OPINION_GROUPS.containsAll(opinionsRequested), "opinionsRequested",
        "Pendapat hanya dapat diminta dari tenaga kesehatan (nakes) atau Babinsa");
    checks.throwIfAny();
    List<String> groups = opinionsRequested.stream().distinct().sorted().toList();
    caseFile.record(referralNumber, EventType.HOME_VISITED, actor, "Kunjungan rumah %s: %s%s%s".formatted(
        date, text,
        groups.isEmpty() ? "" : "; pendapat diminta dari " + String.join(", ", groups),
        proposeDtksUpdate ? "; diusulkan pemutakhiran DTKS/DTSEN" : ""));
    return groups;
  }

  /** Records a health worker's or Babinsa's opinion; returns the line for the assessment form. */
  public String recordOpinion(String referralNumber, String group, String opinion, String actor) {
    Checks checks = new Checks();
    String text = checks.required("opinion", opinion, "Pendapat");
    checks.throwIfAny();
    String line = "%s: %s".formatted("nakes".equals(group) ? "Tenaga kesehatan" : "Babinsa", text);
    caseFile.record(referralNumber, EventType.OPINION_GIVEN, actor, "Pendapat " + line);
    return line;
  }

  private boolean isStale(LocalDate updatedOn) {
    return updatedOn == null || updatedOn.plus(settings.getRegistryStaleAfter()).isBefore(today());
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  private static String describe(Verification v, boolean stale, boolean homeVisit) {
    RegistryCheck r = v.registry();
    String registry = r.dtksStatus() == DtksStatus.LISTED
        ? "terdaftar di DTKS/DTSEN, desil %d, dimutakhirkan %s%s".formatted(r.desil(), r.registryUpdatedOn(),
            stale ? " (usang)" : "")
        : "tidak terdaftar di DTKS/DTSEN";
    String result = switch (v.result()) {
      case NOT_ELIGIBLE -> "tidak memenuhi syarat: " + v.notEligibleReason();
      case VALID, HOME_VISIT -> homeVisit ? "perlu kunjungan rumah" : "data valid, lanjut asesmen";
    };
    return "Verifikasi: %s; %s".formatted(registry, result);
  }
}
