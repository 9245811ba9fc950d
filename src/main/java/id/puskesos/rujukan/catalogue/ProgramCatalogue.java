package id.puskesos.rujukan.catalogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.common.Checks;
import id.puskesos.rujukan.common.InvalidInputException;
import id.puskesos.rujukan.common.NotFoundException;
import id.puskesos.rujukan.process.CaseVariables;

/**
 * The partners and their programs, in the database: seeded from configuration at start-up (codes not there yet),
 * then edited by an administrator over {@code /api/catalogue}. Who is eligible for a program is the eligibility
 * table's business ({@code processes/program-eligibility.dmn}); this is what a program is, who handles it, and what
 * one grant is worth.
 */
@Service
@Transactional
@DependsOn("flywayInitializer")
public class ProgramCatalogue {

  /** A program is active (offered, routed to) when it is and its partner is. */
  private static final String PROGRAM_SELECT = """
      SELECT p.code, p.name, p.partner_code, p.aid_kind, p.unit, p.default_amount, p.budget_period, p.requires_dtks,
             CASE WHEN p.active AND pa.active THEN TRUE ELSE FALSE END AS active, p.household_group, p.kind,
             p.budget_scope
      FROM program p JOIN partner pa ON pa.code = p.partner_code""";

  private static final String PARTNER_SELECT = "SELECT code, name, candidate_group, government, active FROM partner";

  private final JdbcClient jdbc;
  private final Clock clock;
  private final PartnerGroupIds groupIds;

  public ProgramCatalogue(JdbcClient jdbc, Clock clock, CatalogueSettings settings, PartnerGroupIds groupIds) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.groupIds = groupIds;
    settings.partners().stream().filter(p -> findPartner(p.code()).isEmpty()).forEach(p -> insertPartner(p));
    settings.programs().stream().filter(p -> findProgram(p.code()).isEmpty()).forEach(p -> insertProgram(p));
  }

  // ---- reading ----------------------------------------------------------------------------------------------

  @Transactional(readOnly = true)
  public List<Partner> partners() {
    return jdbc.sql(PARTNER_SELECT + " ORDER BY code")
        .query(ProgramCatalogue::mapPartner).list();
  }

  /**
   * The partners the needs assessment asks the resident's consent to share data with (UU PDP): every active
   * non-government partner. A government partner needs no consent. The one place that decides who is asked: a
   * deactivated partner is not asked about, and still has its consent purpose ({@code registry.Consents}), so a
   * resident can withdraw.
   */
  @Transactional(readOnly = true)
  public List<Partner> consentPartners() {
    return partners().stream().filter(p -> !p.government() && p.active()).toList();
  }

  /** Every program, active or not, partner by partner. */
  @Transactional(readOnly = true)
  public List<Program> programs() {
    return jdbc.sql(PROGRAM_SELECT + " ORDER BY p.partner_code, p.code")
        .query(ProgramCatalogue::mapProgram).list();
  }

  @Transactional(readOnly = true)
  public List<Program> activePrograms() {
    return programs().stream().filter(Program::active).toList();
  }

  @Transactional(readOnly = true)
  public Optional<Program> findProgram(String code) {
    return jdbc.sql(PROGRAM_SELECT + " WHERE p.code = ?").param(code)
        .query(ProgramCatalogue::mapProgram).optional();
  }

  /** The program; an unknown code is the user's error, said in their words. */
  @Transactional(readOnly = true)
  public Program program(String code) {
    return findProgram(code).orElseThrow(
        () -> new InvalidInputException(CaseVariables.PROGRAM_CODE.name(), "Program " + code + " tidak dikenal"));
  }

  @Transactional(readOnly = true)
  public Optional<Partner> findPartner(String code) {
    return jdbc.sql(PARTNER_SELECT + " WHERE code = ?").param(code)
        .query(ProgramCatalogue::mapPartner).optional();
  }

  @Transactional(readOnly = true)
  public Partner partnerOf(Program program) {
    return findPartner(program.partner()).orElseThrow();
  }

  /** "PKH - Dinas Sosial Kota Bandung": how a program is offered in forms. */
  public String label(Program program) {
    return program.name() + " - " + partnerOf(program).name();
  }

  // ---- administration ---------------------------------------------------------------------------------------

  /**
   * Adds a partner or changes its name, group and kind; whether it is active is changed by {@link #deactivatePartner}
   * and {@link #activatePartner} only. The group must be one the engine accepts as an id and no other partner's.
   */
  public Partner savePartner(Partner partner, String actor) {
    Checks checks = new Checks();
    checks.check(partner.code() != null && partner.code().matches("[A-Z][A-Z0-9_]{1,15}"), "code",
        "Kode mitra: huruf besar, angka atau _, 2 sampai 16 karakter");
    checks.required("name", partner.name(), "Nama mitra");
    checks.check(partner.name() == null || partner.name().trim().length() <= 120, "name",
        "Nama mitra paling banyak 120 karakter");
    groupIds.check(checks, partner.group());
    checks.throwIfAny();
    findPartnerOfGroup(partner.group()).filter(other -> !other.code().equals(partner.code())).ifPresent(other -> {
      throw new InvalidInputException("group", "Kelompok %s sudah dipakai oleh mitra %s (%s); satu kelompok untuk satu mitra"
          .formatted(partner.group(), other.code(), other.name()));
    });
    int updated = jdbc.sql("""
        UPDATE partner SET name = ?, candidate_group = ?, government = ?, updated_at = ?, updated_by = ?
        WHERE code = ?""")
        .params(partner.name().trim(), partner.group(), partner.government(), now(), actor, partner.code()).update();
    if (updated == 0) {
      insertPartner(partner, actor);
    }
    return findPartner(partner.code()).orElseThrow();
  }

  /**
   * Adds what is wrong with the program's own fields to the checks, the field names prefixed (e.g. "programs[0].");
   * whether its partner exists is the caller's check.
   */
  public static void checkProgram(Checks checks, Program program, String prefix) {
    checks.check(program.code() != null && program.code().matches("[A-Z][A-Z0-9_]{1,31}"), prefix + "code",
        "Kode program: huruf besar, angka atau _, 2 sampai 32 karakter");
    checks.required(prefix + "name", program.name(), "Nama program");
    checks.check(program.name() == null || program.name().length() <= 120, prefix + "name",
        "Nama program paling banyak 120 karakter");
    checks.check(program.aidKind() != null, prefix + "aidKind",
        "Jenis bantuan wajib diisi (CASH, GOODS atau SERVICE)");
    checks.check(program.budgetPeriod() != null, prefix + "budgetPeriod",
        "Periode anggaran wajib diisi (MONTH, QUARTER atau YEAR)");
    checks.check(program.defaultAmount() == null || program.defaultAmount() > 0, prefix + "defaultAmount",
        "Nilai bantuan baku harus lebih dari 0, atau dikosongkan bila mitra menetapkannya per kasus");
    checks.check(program.unit() == null || program.unit().length() <= 16, prefix + "unit",
        "Satuan paling banyak 16 karakter");
    checks.check(program.householdGroup() == null || program.householdGroup().isBlank()
        || program.householdGroup().trim().matches("[A-Z][A-Z0-9_]{1,31}"), prefix + "householdGroup",
        "Kelompok program keluarga: huruf besar, angka atau _, 2 sampai 32 karakter");
  }

  /** Stops new referrals to the partner; false when it was inactive already. Its open work stays its own. */
  public boolean deactivatePartner(String code, String reason, String actor) {
    return jdbc.sql("""
        UPDATE partner SET active = FALSE, deactivated_at = ?, deactivated_by = ?, deactivation_reason = ?,
                           updated_at = ?, updated_by = ?
        WHERE code = ? AND active""")
        .params(now(), actor, reason, now(), actor, code).update() == 1;
  }

  /** Lets the partner receive referrals again; false when it was active already. */
  public boolean activatePartner(String code, String actor) {
    return jdbc.sql("""
        UPDATE partner SET active = TRUE, deactivated_at = NULL, deactivated_by = NULL, deactivation_reason = NULL,
                           updated_at = ?, updated_by = ?
        WHERE code = ? AND NOT active""")
        .params(now(), actor, code).update() == 1;
  }

  @Transactional(readOnly = true)
  public Optional<Partner> findPartnerOfGroup(String group) {
    return jdbc.sql(PARTNER_SELECT + " WHERE candidate_group = ?").param(group)
        .query(ProgramCatalogue::mapPartner).optional();
  }

  /** Adds or changes a program; a budget scope left out stays as it was (a new program's: CITY). */
  public Program saveProgram(Program given, String actor) {
    Program program = given.budgetScope() != null ? given : given.withBudgetScope(
        findProgram(given.code()).map(Program::budgetScope).orElse(BudgetScope.CITY));
    Checks checks = new Checks();
    checkProgram(checks, program, "");
    checks.check(program.partner() != null && findPartner(program.partner()).isPresent(), "partner",
        "Mitra " + program.partner() + " tidak dikenal");
    checks.throwIfAny();
    int updated = jdbc.sql("""
        UPDATE program SET name = ?, partner_code = ?, aid_kind = ?, unit = ?, default_amount = ?, budget_period = ?,
                           requires_dtks = ?, active = ?, household_group = ?, kind = ?, budget_scope = ?, updated_at = ?,
                           updated_by = ?
        WHERE code = ?""")
        .params(program.name().trim(), program.partner(), program.aidKind().name(), unit(program),
            program.defaultAmount(), program.budgetPeriod().name(), program.requiresDtks(), program.active(),
            householdGroup(program), program.kind().name(), program.budgetScope().name(), now(), actor,
            program.code())
        .update();
    if (updated == 0) {
      insertProgram(program, actor);
    }
    return findProgram(program.code()).orElseThrow(() -> new NotFoundException("Program " + program.code()));
  }

  // ---- helpers ----------------------------------------------------------------------------------------------

  private void insertPartner(Partner p) {
    insertPartner(p, Actors.SYSTEM);
  }

  private void insertPartner(Partner p, String actor) {
    jdbc.sql("""
        INSERT INTO partner (code, name, candidate_group, government, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)""")
        .params(p.code(), p.name(), p.group(), p.government(), now(), actor).update();
  }

  private void insertProgram(Program p) {
    if (findPartner(p.partner()).isEmpty()) {
      throw new IllegalArgumentException("program " + p.code() + " names unknown partner " + p.partner());
    }
    insertProgram(p, Actors.SYSTEM);
  }

  private void insertProgram(Program given, String actor) {
    Program p = given.budgetScope() != null ? given : given.withBudgetScope(BudgetScope.CITY);
    jdbc.sql("""
        INSERT INTO program (code, name, partner_code, aid_kind, unit, default_amount, budget_period, requires_dtks,
                             active, household_group, kind, budget_scope, updated_at, updated_by)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(p.code(), p.name(), p.partner(), p.aidKind().name(), unit(p), p.defaultAmount(),
            p.budgetPeriod().name(), p.requiresDtks(), p.active(), householdGroup(p), p.kind().name(),
            p.budgetScope().name(), now(), actor)
        .update();
  }

  private static String unit(Program p) {
    if (p.unit() != null && !p.unit().isBlank()) {
      return p.unit().trim();
    }
    return p.aidKind() == AidKind.GOODS ? "paket" : "Rp";
  }

  private static String householdGroup(Program p) {
    return p.householdGroup() == null || p.householdGroup().isBlank() ? null : p.householdGroup().trim();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  private static Partner mapPartner(ResultSet rs, int row) throws SQLException {
    return new Partner(rs.getString("code"), rs.getString("name"), rs.getString("candidate_group"),
        rs.getBoolean("government"), rs.getBoolean("active"));
  }

  private static Program mapProgram(ResultSet rs, int row) throws SQLException {
    long amount = rs.getLong("default_amount");
    Long defaultAmount = rs.wasNull() ? null : amount;
    return new Program(rs.getString("code"), rs.getString("name"), rs.getString("partner_code"),
        AidKind.valueOf(rs.getString("aid_kind")), rs.getString("unit"), defaultAmount,
        BudgetPeriod.valueOf(rs.getString("budget_period")), rs.getBoolean("requires_dtks"), rs.getBoolean("active"),
        rs.getString("household_group"), ProgramKind.valueOf(rs.getString("kind")),
        BudgetScope.valueOf(rs.getString("budget_scope")));
  }
}
