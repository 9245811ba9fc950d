package id.puskesos.rujukan.assessment;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.access.CommandAuthority;
import id.puskesos.rujukan.catalogue.Partner;
import id.puskesos.rujukan.catalogue.ProgramCatalogue;
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
  /** {@code needs_assessment.consented_partners}: the codes, comma-separated. */
  private static final int CONSENTED_PARTNERS_LENGTH = 400;

  /**
   * What the assessment form asks about sharing data: the partners asked, code to name, in the catalogue's order,
   * and those of them the resident consents to now (the checklist starts from the answers that stand).
   */
  public record ConsentQuestions(Map<String, String> partners, List<String> consented) {
  }

  private final CaseFile caseFile;
  private final Consents consents;
  private final ProgramCatalogue catalogue;
  private final JdbcClient jdbc;
  private final CommandAuthority authority;
  private final Clock clock;

  public AssessmentService(CaseFile caseFile, Consents consents, ProgramCatalogue catalogue, JdbcClient jdbc,
      CommandAuthority authority, Clock clock) {
    this.caseFile = caseFile;
    this.consents = consents;
    this.catalogue = catalogue;
    this.jdbc = jdbc;
    this.authority = authority;
    this.clock = clock;
  }

  /**
   * The consent questions of the case's next assessment: every partner the catalogue says to ask
   * ({@link ProgramCatalogue#consentPartners()}), and the resident's standing consents among them.
   */
  @Transactional(readOnly = true)
  public ConsentQuestions consentQuestions(String referralNumber) {
    Map<String, String> partners = new LinkedHashMap<>();
    catalogue.consentPartners().forEach(p -> partners.put(p.code(), p.name()));
    long residentId = caseFile.get(referralNumber).residentId();
    List<String> consented = consents.consentedPartners(residentId).stream().filter(partners::containsKey).toList();
    return new ConsentQuestions(partners, consented);
  }

  /**
   * The fasilitator's needs assessment. {@code asked}: the partners the form asked consent for; each gets the
   * resident's answer (yes when among {@link Assessment#consentedPartners()}), recorded where it differs from the one
   * that stands. A consent to a partner not asked, or asking about one the catalogue does not know as a
   * non-government partner, is refused and nothing is recorded.
   */
  public void record(String referralNumber, Assessment a, Collection<String> asked, String actor) {
    authority.require("Asesmen kebutuhan", "fasilitator Puskesos", Groups.FASILITATOR);
    validate(a);
    validateConsent(a.consentedPartners(), asked);
    String consented = asked.stream().filter(a.consentedPartners()::contains).collect(Collectors.joining(","));
    jdbc.sql("""
        INSERT INTO needs_assessment (referral_number, household_size, monthly_income, pregnant_count,
            children_under6, primary_school_children, junior_school_children, senior_school_children,
            disabled_members, elderly_members, religion, consented_partners, eligible,
            not_eligible_reason, assessed_at, assessed_by)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(referralNumber, a.householdSize(), a.monthlyIncome(), a.pregnantCount(), a.childrenUnder6(),
            a.primarySchoolChildren(), a.juniorSchoolChildren(), a.seniorSchoolChildren(), a.disabledMembers(),
            a.elderlyMembers(), a.religion() == null ? null : a.religion().name(),
            consented.isEmpty() ? null : consented, a.eligible(), a.notEligibleReason(), OffsetDateTime.now(clock),
            actor)
        .update();
    caseFile.confirmNeeds(referralNumber, a.needs());
    long residentId = caseFile.get(referralNumber).residentId();
    for (String partner : new LinkedHashSet<>(asked)) {
      consents.record(residentId, Consents.sharingWith(partner), a.consentedPartners().contains(partner),
          Consents.Source.ASSESSMENT, null, actor);
    }
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
               consented_partners, eligible, not_eligible_reason
        FROM needs_assessment WHERE referral_number = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY""")
        .param(referralNumber)
        .query((rs, row) -> new Assessment(rs.getInt("household_size"), rs.getLong("monthly_income"),
            rs.getInt("pregnant_count"), rs.getInt("children_under6"), rs.getInt("primary_school_children"),
            rs.getInt("junior_school_children"), rs.getInt("senior_school_children"), rs.getInt("disabled_members"),
            rs.getInt("elderly_members"),
            rs.getString("religion") == null ? null : Assessment.Religion.valueOf(rs.getString("religion")), needs,
            partnerCodes(rs.getString("consented_partners")), rs.getBoolean("eligible"),
            rs.getString("not_eligible_reason")))
        .optional();
  }

  /**
   * "BAZNAS Kota Bandung: setuju, Rumah Amal Salman: tidak": each partner asked with the resident's answer, shown to
   * the back office, the koordinator and the city SLRT.
   */
  @Transactional(readOnly = true)
  public String consentSummary(Collection<String> asked, Collection<String> consented) {
    if (asked.isEmpty()) {
      return "tidak ada mitra non-pemerintah yang ditanyakan";
    }
    return asked.stream().distinct().map(code -> "%s: %s".formatted(
        catalogue.findPartner(code).map(Partner::name).orElse(code), consented.contains(code) ? "setuju" : "tidak"))
        .collect(Collectors.joining(", "));
  }

  private static Set<String> partnerCodes(String column) {
    Set<String> codes = new LinkedHashSet<>();
    if (column != null) {
      Arrays.stream(column.split(",")).map(String::trim).filter(c -> !c.isEmpty()).forEach(codes::add);
    }
    return codes;
  }

  /**
   * The partners asked are non-government partners of the catalogue (the form's options could be stale or forged),
   * and the resident consented only to partners asked.
   */
  private void validateConsent(Set<String> consented, Collection<String> asked) {
    Set<String> known = catalogue.partners().stream().filter(p -> !p.government()).map(Partner::code)
        .collect(Collectors.toSet());
    Checks checks = new Checks();
    String field = CaseVariables.CONSENT_PARTNERS.name();
    checks.check(known.containsAll(asked), field,
        "Persetujuan hanya ditanyakan untuk mitra non-pemerintah yang ada di katalog; muat ulang formulir asesmen");
    checks.check(asked.containsAll(consented), field,
        "Mitra yang dipilih tidak ada dalam pilihan persetujuan; pilihan: "
        + (asked.isEmpty() ? "tidak ada" : String.join(", ", asked)));
    checks.check(String.join(",", consented).length() <= CONSENTED_PARTNERS_LENGTH, field,
        "Terlalu banyak mitra dipilih untuk disimpan");
    checks.throwIfAny();
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
