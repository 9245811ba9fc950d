package id.puskesos.rujukan.assessment;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.access.CommandAuthority;
import id.puskesos.rujukan.common.Checks;
import id.puskesos.rujukan.common.Groups;
import id.puskesos.rujukan.process.CaseVariables;
import id.puskesos.rujukan.referral.CaseFile;
import id.puskesos.rujukan.referral.EventType;
import id.puskesos.rujukan.referral.Need;
import id.puskesos.rujukan.registry.Consents;

/** Needs assessment: the household's composition and income, the confirmed needs and the consents to share data. */
@Service
@Transactional
public class AssessmentService {

  private static final Locale INDONESIA = Locale.forLanguageTag("id-ID");

  private final CaseFile caseFile;
  private final Consents consents;
  private final JdbcClient jdbc;
  private final CommandAuthority authority;
  private final Clock clock;

  public AssessmentService(CaseFile caseFile, Consents consents, JdbcClient jdbc, CommandAuthority authority,
      Clock clock) {
    this.caseFile = caseFile;
    this.consents = consents;
    this.jdbc = jdbc;
    this.authority = authority;
    this.clock = clock;
  }

  /** The fasilitator's needs assessment. */
  public void record(String referralNumber, Assessment a, String actor) {
    authority.require("Asesmen kebutuhan", "fasilitator Puskesos", Groups.FASILITATOR);
    validate(a);
    jdbc.sql("""
        INSERT INTO needs_assessment (referral_number, household_size, monthly_income, pregnant_count,
            children_under6, primary_school_children, junior_school_children, senior_school_children,
            disabled_members, elderly_members, religion, consent_baznas, consent_salman, eligible,
            not_eligible_reason, assessed_at, assessed_by)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(referralNumber, a.householdSize(), a.monthlyIncome(), a.pregnantCount(), a.childrenUnder6(),
            a.primarySchoolChildren(), a.juniorSchoolChildren(), a.seniorSchoolChildren(), a.disabledMembers(),
            a.elderlyMembers(), a.religion() == null ? null : a.religion().name(), a.consentBaznas(),
            a.consentSalman(), a.eligible(), a.notEligibleReason(), OffsetDateTime.now(clock), actor)
        .update();
    caseFile.confirmNeeds(referralNumber, a.needs());
    long residentId = caseFile.get(referralNumber).residentId();
    consents.record(residentId, Consents.sharingWith("BAZNAS"), a.consentBaznas(), Consents.Source.ASSESSMENT, null,
        actor);
    consents.record(residentId, Consents.sharingWith("SALMAN"), a.consentSalman(), Consents.Source.ASSESSMENT, null,
        actor);
    caseFile.record(referralNumber, EventType.ASSESSED, actor,
        "Asesmen: %d anggota keluarga, penghasilan Rp%s/bulan; kebutuhan %s; %s".formatted(a.householdSize(),
            NumberFormat.getIntegerInstance(INDONESIA).format(a.monthlyIncome()), Need.summary(a.needs()),
            a.eligible() ? "memenuhi syarat" : "tidak memenuhi syarat: " + a.notEligibleReason()));
  }

  /** The latest assessment of the case (an assessment repeated after new needs replaces the earlier one). */
  @Transactional(readOnly = true)
  public Optional<Assessment> latest(String referralNumber) {
    Set<Need> needs = caseFile.needs(referralNumber);
    return jdbc.sql("""
        SELECT household_size, monthly_income, pregnant_count, children_under6, primary_school_children,
               junior_school_children, senior_school_children, disabled_members, elderly_members, religion,
               consent_baznas, consent_salman, eligible, not_eligible_reason
        FROM needs_assessment WHERE referral_number = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY""")
        .param(referralNumber)
        .query((rs, row) -> new Assessment(rs.getInt("household_size"), rs.getLong("monthly_income"),
            rs.getInt("pregnant_count"), rs.getInt("children_under6"), rs.getInt("primary_school_children"),
            rs.getInt("junior_school_children"), rs.getInt("senior_school_children"), rs.getInt("disabled_members"),
            rs.getInt("elderly_members"),
            rs.getString("religion") == null ? null : Assessment.Religion.valueOf(rs.getString("religion")), needs,
            rs.getBoolean("consent_baznas"), rs.getBoolean("consent_salman"), rs.getBoolean("eligible"),
            rs.getString("not_eligible_reason")))
        .optional();
  }

  /** "BAZNAS: ya, Rumah Amal Salman: tidak": shown to the back office when choosing programs. */
  public static String consentSummary(boolean baznas, boolean salman) {
    return "BAZNAS: %s, Rumah Amal Salman: %s".formatted(baznas ? "setuju" : "tidak", salman ? "setuju" : "tidak");
  }

  private static void validate(Assessment a) {
    Checks checks = new Checks();
    checks.check(a.householdSize() >= 1 && a.householdSize() <= 30, CaseVariables.HOUSEHOLD_SIZE.name(),
        "Jumlah anggota keluarga harus 1 sampai 30");
    checks.check(a.monthlyIncome() >= 0, CaseVariables.MONTHLY_INCOME.name(), "Penghasilan tidak boleh negatif");
    int[] counts = {a.pregnantCount(), a.childrenUnder6(), a.primarySchoolChildren(), a.juniorSchoolChildren(),
        a.seniorSchoolChildren(), a.disabledMembers(), a.elderlyMembers()};
    for (int count : counts) {
      if (count < 0) {
        checks.add(CaseVariables.HOUSEHOLD_SIZE.name(), "Jumlah anggota per kelompok tidak boleh negatif");
        break;
      }
    }
    checks.check(a.children() + a.pregnantCount() <= a.householdSize(), CaseVariables.HOUSEHOLD_SIZE.name(),
        "Jumlah anak dan ibu hamil melebihi jumlah anggota keluarga");
    checks.check(a.elderlyMembers() <= a.householdSize() && a.disabledMembers() <= a.householdSize(),
        CaseVariables.HOUSEHOLD_SIZE.name(),
            "Jumlah lansia atau penyandang disabilitas melebihi jumlah anggota keluarga");
    checks.check(!a.needs().isEmpty(), CaseVariables.NEEDS.name(), "Pilih minimal satu kebutuhan yang dikonfirmasi");
    checks.check(a.eligible() || a.notEligibleReason() != null, CaseVariables.NOT_ELIGIBLE_REASON.name(),
        "Alasan tidak memenuhi syarat wajib diisi");
    checks.throwIfAny();
  }
}
