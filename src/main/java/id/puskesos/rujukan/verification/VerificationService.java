package id.puskesos.rujukan.verification;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.access.CommandAuthority;
import id.puskesos.rujukan.common.Checks;
import id.puskesos.rujukan.common.DateRule;
import id.puskesos.rujukan.common.Dates;
import id.puskesos.rujukan.common.FieldError;
import id.puskesos.rujukan.common.Groups;
import id.puskesos.rujukan.process.CaseVariables;
import id.puskesos.rujukan.referral.CaseFile;
import id.puskesos.rujukan.referral.EventType;
import id.puskesos.rujukan.referral.ReferralRecord;
import id.puskesos.rujukan.registry.ChangeSource;
import id.puskesos.rujukan.registry.DtksStatus;
import id.puskesos.rujukan.registry.Duplicates;
import id.puskesos.rujukan.registry.IdentityNumbers;
import id.puskesos.rujukan.registry.ObservedFacts;
import id.puskesos.rujukan.registry.Registry;
import id.puskesos.rujukan.registry.RegistrySettings;
import id.puskesos.rujukan.registry.Resident;

/**
 * Verification and validation. An automated check of the resident's record (in DTKS/DTSEN? which desil? verified
 * by the Puskesos in the last six months? deceased or moved? NIK and KK valid? a probable duplicate?) lets a clean,
 * fresh record straight on; anything else goes to a fasilitator's field verification, whose findings correct the
 * registry with history. This is the software's answer to the study's first finding: data nobody keeps up to date.
 */
@Service
@Transactional
public class VerificationService {

  /** How the timeline names a clean registry check and a field verification that found the data valid. */
  public static final String CLEAN = "bersih dan mutakhir";
  public static final String VISIT_VALID = "data valid";

  /** Opinions a fasilitator can ask for on a field verification: health worker and Babinsa. */
  public static final Set<String> OPINION_GROUPS = Set.of("nakes", "babinsa");

  /** Days as staff write them, day first. */

  /** The profession an opinion group stands for, as the timeline names it (never the group's code). */
  static String profession(String group) {
    return "nakes".equals(group) ? "tenaga kesehatan" : "Babinsa";
  }

  /** The automated check's verdict, and the record it looked at. */
  public record RegistryCheck(Resident resident, boolean needsFieldVerification, List<String> findings) {

    public boolean dtksListed() {
      return resident.dtksStatus() == DtksStatus.LISTED;
    }

    public String summary() {
      return findings.isEmpty() ? CLEAN : String.join("; ", findings);
    }
  }

  /** What a field verification leaves for the rest of the case. */
  public record FieldOutcome(boolean eligible, List<String> opinionGroups, boolean dtksListed, String address) {
  }

  private final CaseFile caseFile;
  private final Registry registry;
  private final IdentityNumbers identity;
  private final Duplicates duplicates;
  private final RegistrySettings settings;
  private final CommandAuthority authority;
  private final Clock clock;

  public VerificationService(CaseFile caseFile, Registry registry, IdentityNumbers identity, Duplicates duplicates,
      RegistrySettings settings, CommandAuthority authority, Clock clock) {
    this.caseFile = caseFile;
    this.registry = registry;
    this.identity = identity;
    this.duplicates = duplicates;
    this.settings = settings;
    this.authority = authority;
    this.clock = clock;
  }

  public RegistryCheck check(String referralNumber, String actor) {
    Resident r = registry.get(caseFile.get(referralNumber).residentId());
    List<String> findings = new ArrayList<>();
    Checks ids = new Checks();
    if (identity.checkNik(ids, CaseVariables.NIK.name(), r.nik())) {
      identity.checkNikAgainst(ids, CaseVariables.NIK.name(), r.nik(), r.birthDate(), r.sex());
    }
    identity.checkKk(ids, CaseVariables.KK_NUMBER.name(), r.kkNumber());
    if (ids.hasErrors()) {
      findings.add("identitas tidak valid (" + String.join(", ",
          ids.errors().stream().map(FieldError::message).toList()) + ")");
    }
    if (r.verifiedAt() == null) {
      findings.add("belum pernah diverifikasi lapangan oleh Puskesos");
    } else if (r.verifiedAt().isBefore(OffsetDateTime.now(clock).minus(settings.getVerificationValidFor()))) {
      findings.add("verifikasi lapangan terakhir %s, sudah lebih dari %d bulan".formatted(
          Dates.written(r.verifiedAt()), settings.getVerificationValidFor().toTotalMonths()));
    }
    if (r.dtksStatus() == null) {
      findings.add("status DTKS/DTSEN belum diketahui");
    } else if (r.dtksStatus() == DtksStatus.NOT_LISTED) {
      findings.add("tidak terdaftar di DTKS/DTSEN");
    }
    if (r.deceased()) {
      findings.add("tercatat meninggal dunia");
    }
    if (r.movedAway()) {
      findings.add("tercatat pindah domisili");
    }
    duplicates.detectFor(r.id());
    if (duplicates.underReview(r.id())) {
      findings.add("kemungkinan data ganda dengan warga lain (sedang ditinjau operator)");
    }
    RegistryCheck check = new RegistryCheck(r, !findings.isEmpty(), List.copyOf(findings));
    caseFile.record(referralNumber, EventType.REGISTRY_CHECKED, actor, "Pemeriksaan data warga: " + check.summary()
        + (check.dtksListed() ? " (DTKS/DTSEN desil " + r.desil() + ")" : ""));
    return check;
  }

  /** Records a field verification: corrections go to the registry with history, and the record counts as verified. */
  public FieldOutcome recordFieldVerification(String referralNumber, FieldVerification v, String actor) {
    authority.require("Verifikasi lapangan", "fasilitator Puskesos", Groups.FASILITATOR);
    ReferralRecord referral = caseFile.get(referralNumber);
    Checks checks = new Checks();
    LocalDate visitDate = checks.date(CaseVariables.VISIT_DATE.name(), v.visitDate(), "Tanggal kunjungan", true);
    DateRule.of(checks, CaseVariables.VISIT_DATE.name(), "Tanggal kunjungan", visitDate)
        .notBefore("pengaduan diterima", referral.receivedAt())
        .notInFuture(clock);
    String findings = checks.required(CaseVariables.VISIT_FINDINGS.name(), v.findings(), "Temuan kunjungan");
    ObservedFacts facts = ObservedFacts.read(checks, v.address(), v.rt(), v.rw(), v.phone(), v.dtksStatus(),
        v.desil(), v.deceased(), v.movedAway());
    checks.check(OPINION_GROUPS.containsAll(v.opinionsRequested()), CaseVariables.OPINIONS_REQUESTED.name(),
        "Pendapat hanya dapat diminta dari tenaga kesehatan (nakes) atau Babinsa");
    boolean eligible = "VALID".equals(v.result());
    checks.check(eligible || "NOT_ELIGIBLE".equals(v.result()), CaseVariables.VERIFICATION_RESULT.name(),
        "Hasil verifikasi wajib dipilih");
    checks.check(eligible || v.notEligibleReason() != null, CaseVariables.NOT_ELIGIBLE_REASON.name(),
        "Alasan tidak memenuhi syarat wajib diisi");
    checks.check(!eligible || !v.deceased() && !v.movedAway(), CaseVariables.VERIFICATION_RESULT.name(),
        "Warga yang meninggal atau pindah domisili tidak dapat dilanjutkan; pilih 'Tidak memenuhi syarat'");
    checks.throwIfAny();

    long residentId = referral.residentId();
    String reason = "Verifikasi lapangan " + referralNumber;
    int corrected = registry.correct(residentId, facts.asCorrections(), actor, ChangeSource.FIELD_VERIFICATION,
        reason);
    registry.markVerified(residentId, actor, ChangeSource.FIELD_VERIFICATION, reason);
    List<String> groups = v.opinionsRequested().stream().distinct().sorted().toList();
    caseFile.record(referralNumber, EventType.HOME_VISITED, actor, "Verifikasi lapangan %s: %s; %s%s; %s".formatted(
        Dates.written(visitDate), findings, corrected == 0 ? "data registri sesuai" : corrected + " data registri diperbaiki",
        groups.isEmpty() ? "" : "; pendapat diminta dari " + String.join(", ",
            groups.stream().map(VerificationService::profession).toList()),
        eligible ? VISIT_VALID : "tidak memenuhi syarat: " + v.notEligibleReason()));
    Resident updated = registry.get(residentId);
    return new FieldOutcome(eligible, groups, updated.dtksStatus() == DtksStatus.LISTED, updated.fullAddress());
  }

  /**
   * Records a health worker's or Babinsa's opinion, given by the profession asked (the group the process gave the
   * task); returns the line for the assessment form.
   */
  public String recordOpinion(String referralNumber, String group, String opinion, String actor) {
    authority.require("Pendapat profesional ini", profession(group), group);
    Checks checks = new Checks();
    String text = checks.required(CaseVariables.OPINION.name(), opinion, "Pendapat");
    checks.throwIfAny();
    String who = profession(group);
    String line = "%s: %s".formatted(Character.toUpperCase(who.charAt(0)) + who.substring(1), text);
    caseFile.record(referralNumber, EventType.OPINION_GIVEN, actor, "Pendapat " + line);
    return line;
  }
}
