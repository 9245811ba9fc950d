package id.puskesos.rujukan.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.access.CaseAccess;
import id.puskesos.rujukan.board.StageTimes;
import id.puskesos.rujukan.catalogue.BudgetPeriod;
import id.puskesos.rujukan.catalogue.Partner;
import id.puskesos.rujukan.catalogue.Program;
import id.puskesos.rujukan.catalogue.ProgramCatalogue;
import id.puskesos.rujukan.distribution.FacilitationFigures;
import id.puskesos.rujukan.referral.Channel;
import id.puskesos.rujukan.referral.Need;
import id.puskesos.rujukan.referral.ProgramStatus;
import id.puskesos.rujukan.referral.Stage;
import id.puskesos.rujukan.referral.Stages;
import id.puskesos.rujukan.registry.ChangeSource;
import id.puskesos.rujukan.report.PeriodFigures.*;
import id.puskesos.rujukan.verification.DtksInclusion;
import id.puskesos.rujukan.verification.VerificationService;

/**
 * Reads what a period's figures need from the case file, the registry, the budgets and the engine's task history.
 * Every query is bounded by the period (or by the cases received in it), so the cost follows the period's work,
 * not the whole history.
 */
@Service
@Transactional(readOnly = true)
public class PeriodData {

  private final JdbcClient jdbc;
  private final HistoryService historyService;
  private final ProgramCatalogue catalogue;
  private final CaseAccess caseAccess;
  private final FacilitationFigures facilitation;
  private final Stages stages;

  public PeriodData(JdbcClient jdbc, HistoryService historyService, ProgramCatalogue catalogue,
      CaseAccess caseAccess, FacilitationFigures facilitation, Stages stages) {
    this.jdbc = jdbc;
    this.historyService = historyService;
    this.catalogue = catalogue;
    this.caseAccess = caseAccess;
    this.facilitation = facilitation;
    this.stages = stages;
  }

  /** The whole city's period (every Puskesos). */
  public Data load(Period period) {
    return load(period, null);
  }

  /**
   * One Puskesos's period (its tenant id; null: the whole city): its cases and what happened to them, the tasks of
   * its instances. The registry's data updates count the residents of its cases; the budgets are the partners' and
   * stay city-wide.
   */
  public Data load(Period period, String tenantId) {
    OffsetDateTime start = period.start();
    OffsetDateTime end = period.end();
    Tenant t = new Tenant(tenantId);
    List<Intake> intakes = jdbc.sql("""
        SELECT referral_number, channel, needs, received_at, merged FROM referral_intake
        WHERE received_at >= ? AND received_at < ?""" + t.cases())
        .params(t.params(start, end))
        .query((rs, n) -> new Intake(rs.getString("referral_number"), Channel.valueOf(rs.getString("channel")),
            needs(rs.getString("needs")), at(rs, "received_at"), rs.getBoolean("merged")))
        .list();
    List<RegistryCheck> checks = jdbc.sql("""
        SELECT referral_number, occurred_at, detail FROM referral_event
        WHERE event_type = 'REGISTRY_CHECKED' AND occurred_at >= ? AND occurred_at < ?""" + t.cases())
        .params(t.params(start, end))
        .query((rs, n) -> new RegistryCheck(rs.getString("referral_number"), at(rs, "occurred_at"),
            rs.getString("detail").contains(": " + VerificationService.CLEAN)))
        .list();
    List<FieldVisit> visits = jdbc.sql("""
        SELECT referral_number, occurred_at, detail FROM referral_event
        WHERE event_type = 'HOME_VISITED' AND occurred_at >= ? AND occurred_at < ?""" + t.cases())
        .params(t.params(start, end))
        .query((rs, n) -> new FieldVisit(rs.getString("referral_number"), at(rs, "occurred_at"),
            rs.getString("detail").endsWith("; " + VerificationService.VISIT_VALID)))
        .list();
    long proposals = jdbc.sql("""
        SELECT COUNT(*) FROM referral_event
        WHERE event_type = 'DTKS_PROPOSED' AND detail LIKE ? AND occurred_at >= ? AND occurred_at < ?""" + t.cases())
        .params(t.params(DtksInclusion.PROPOSED + "%", start, end)).query(Long.class).single();
    List<DataChange> changes = jdbc.sql("""
        SELECT resident_id, changed_at, source FROM resident_change WHERE changed_at >= ? AND changed_at < ?"""
        + t.residents())
        .params(t.params(start, end))
        .query((rs, n) -> new DataChange(rs.getLong("resident_id"), at(rs, "changed_at"),
            ChangeSource.valueOf(rs.getString("source"))))
        .list();
    // referrals of the cases received in the period, and any referral sent or decided in it
    List<ProgramRow> programs = jdbc.sql("""
        SELECT p.referral_number, r.received_at, p.program_code, p.partner_code, p.status, p.rejection_code,
               p.referred_at, p.decided_at
        FROM program_referral p JOIN referral r ON r.referral_number = p.referral_number
        WHERE ((r.received_at >= ? AND r.received_at < ?) OR (p.referred_at >= ? AND p.referred_at < ?)
           OR (p.decided_at >= ? AND p.decided_at < ?))""" + t.ofReferral())
        .params(t.params(start, end, start, end, start, end))
        .query((rs, n) -> new ProgramRow(rs.getString("referral_number"), at(rs, "received_at"),
            rs.getString("program_code"), rs.getString("partner_code"), ProgramStatus.valueOf(rs.getString("status")),
            rs.getString("rejection_code"), at(rs, "referred_at"), at(rs, "decided_at")))
        .list();
    List<Handover> handovers = jdbc.sql("""
        SELECT d.referral_number, d.program_code, pr.partner_code, pr.unit, d.distributed_on, d.amount, d.quantity,
               d.receipt_confirmed
        FROM program_distribution d JOIN program pr ON pr.code = d.program_code
        WHERE d.distributed_on >= ? AND d.distributed_on <= ? AND d.voided_reason IS NULL""" + t.cases("d."))
        .params(t.params(period.from(), period.to()))
        .query((rs, n) -> new Handover(rs.getString("referral_number"), rs.getString("program_code"),
            rs.getString("partner_code"), rs.getObject("distributed_on", LocalDate.class),
            (Long) rs.getObject("amount", Long.class), (Long) rs.getObject("quantity", Long.class),
            rs.getString("unit"), rs.getBoolean("receipt_confirmed")))
        .list();
    List<StageTimes.Entry> entries = jdbc.sql("""
        SELECT e.referral_number, e.event_type, e.detail, e.occurred_at FROM referral_event e
        JOIN referral r ON r.referral_number = e.referral_number
        WHERE r.received_at >= ? AND r.received_at < ? AND e.event_type IN ('INTAKE_RECEIVED', 'STAGE_ENTERED')"""
        + t.ofReferral() + " ORDER BY e.referral_number, e.occurred_at, e.id")
        .params(t.params(start, end))
        .query((rs, n) -> new StageTimes.Entry(rs.getString("referral_number"),
            "INTAKE_RECEIVED".equals(rs.getString("event_type")) ? Stage.INTAKE : stageNamed(rs.getString("detail")),
            at(rs, "occurred_at")))
        .list().stream().filter(e -> e.stage() != null).toList();
    Map<String, OffsetDateTime> ends = new HashMap<>();
    jdbc.sql("SELECT r.referral_number, r.closed_at FROM referral r WHERE r.received_at >= ? AND r.received_at < ?"
        + t.ofReferral()).params(t.params(start, end)).query(rs -> {
          ends.put(rs.getString("referral_number"), at(rs, "closed_at"));
        });
    // the stage of a noticed task is its model's: the engine's history names the definition it ran in
    List<Notice> notices = jdbc.sql("""
        SELECT n.kind, n.task_key, n.noticed_at, t.PROC_DEF_ID_ AS definition_id FROM sla_notice n
        LEFT JOIN ACT_HI_TASKINST t ON t.ID_ = n.task_id WHERE n.noticed_at >= ? AND n.noticed_at < ?"""
        + (tenantId == null ? "" : " AND t.TENANT_ID_ = ?"))
        .params(t.params(start, end))
        .query((rs, n) -> new Notice(rs.getString("kind"),
            stages.ofTask(rs.getString("definition_id"), rs.getString("task_key")), at(rs, "noticed_at")))
        .list();
    List<Commitment> commitments = jdbc.sql("""
        SELECT program_code, requested_at, reserved_at, status FROM budget_commitment
        WHERE requested_at >= ? AND requested_at < ?""" + t.cases())
        .params(t.params(start, end))
        .query((rs, n) -> new Commitment(rs.getString("program_code"), at(rs, "requested_at"),
            at(rs, "reserved_at"), "WAITING".equals(rs.getString("status"))))
        .list();
    List<FollowUp> followUps = jdbc.sql("""
        SELECT r.referral_number, r.followed_up_at, r.aid_received, r.aid_helped, r.satisfaction FROM referral r
        WHERE r.followed_up_at >= ? AND r.followed_up_at < ?""" + t.ofReferral())
        .params(t.params(start, end))
        .query((rs, n) -> new FollowUp(rs.getString("referral_number"), at(rs, "followed_up_at"),
            rs.getString("aid_received"), rs.getString("aid_helped"), (Integer) rs.getObject("satisfaction",
                Integer.class)))
        .list();
    Map<String, String> partners = new LinkedHashMap<>();
    catalogue.partners().forEach(p -> partners.put(p.code(), p.name()));
    Map<String, String> programNames = new LinkedHashMap<>();
    catalogue.programs().forEach(p -> programNames.put(p.code(), p.name()));
    return new Data(period, intakes, checks, visits, proposals, changes, programs,
        facilitation.cases(period.from(), period.to(), tenantId), handovers, entries, ends,
        completedTasks(period, tenantId), notices, budgets(period), commitments, followUps, partners, programNames);
  }

  /** User tasks completed in the period, with their due dates (the engine's history; read as the system). */
  private List<CompletedTask> completedTasks(Period period, String tenantId) {
    return caseAccess.withoutAuthorization(() -> (tenantId == null ? historyService.createHistoricTaskInstanceQuery()
        : historyService.createHistoricTaskInstanceQuery().tenantIdIn(tenantId)).finished()
        .finishedAfter(Date.from(period.start().toInstant().minusMillis(1)))
        .finishedBefore(Date.from(period.end().toInstant())).list().stream()
        .filter(t -> t.getDueDate() != null && t.getEndTime() != null)
        .map(t -> new CompletedTask(stages.ofTask(t.getProcessDefinitionId(), t.getTaskDefinitionKey()),
            utc(t.getDueDate()), utc(t.getEndTime())))
        .toList());
  }

  /** The budgets of every budget period that lies within the period (months, quarters or years). */
  private List<Budget> budgets(Period period) {
    Set<String> names = new java.util.HashSet<>();
    for (LocalDate day = period.from(); !day.isAfter(period.to()); day = day.plusMonths(1).withDayOfMonth(1)) {
      for (BudgetPeriod kind : BudgetPeriod.values()) {
        String name = kind.of(day);
        LocalDate first = firstDay(kind, day);
        if (!first.isBefore(period.from()) && !first.plusMonths(kind.months()).minusDays(1).isAfter(period.to())) {
          names.add(name);
        }
      }
    }
    if (names.isEmpty()) {
      return List.of();
    }
    Map<String, BudgetPeriod> kindOf = catalogue.programs().stream()
        .collect(Collectors.toMap(Program::code, Program::budgetPeriod));
    // a program kept per kelurahan has a pool per Puskesos: the report counts them together
    return jdbc.sql("SELECT program_code, period, SUM(allocated) AS allocated, SUM(reserved) AS reserved,"
            + " SUM(disbursed) AS disbursed FROM program_budget WHERE period IN ("
            + String.join(",", names.stream().map(n -> "?").toList()) + ") GROUP BY program_code, period"
            + " ORDER BY program_code, period")
        .params(List.copyOf(names))
        .query((rs, n) -> new Budget(rs.getString("program_code"), rs.getString("period"), rs.getLong("allocated"),
            rs.getLong("reserved"), rs.getLong("disbursed")))
        .list().stream()
        .filter(b -> kindOf.containsKey(b.programCode()) && kindOf.get(b.programCode()).names(b.period()))
        .toList();
  }

  /** The filters that keep a query to one Puskesos's cases (none for the city), and their parameters. */
  private record Tenant(String id) {

    /** Rows about a case of the Puskesos, by their referral number. */
    String cases() {
      return cases("");
    }

    String cases(String alias) {
      return id == null ? "" : " AND " + alias + "referral_number IN (SELECT referral_number FROM referral WHERE tenant_id = ?)";
    }

    String residents() {
      return id == null ? "" : " AND resident_id IN (SELECT resident_id FROM referral WHERE tenant_id = ?)";
    }

    /** For a query that reads {@code referral r}. */
    String ofReferral() {
      return id == null ? "" : " AND r.tenant_id = ?";
    }

    List<Object> params(Object... params) {
      List<Object> all = new java.util.ArrayList<>(List.of(params));
      if (id != null) {
        all.add(id);
      }
      return all;
    }
  }

  private static LocalDate firstDay(BudgetPeriod kind, LocalDate day) {
    return switch (kind) {
      case MONTH -> day.withDayOfMonth(1);
      case QUARTER -> day.withDayOfMonth(1).withMonth((day.getMonthValue() - 1) / 3 * 3 + 1);
      case YEAR -> day.withDayOfYear(1);
    };
  }

  private static Set<Need> needs(String text) {
    Set<Need> needs = EnumSet.noneOf(Need.class);
    if (text != null && !text.isBlank()) {
      Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
          .forEach(name -> needs.add(Need.valueOf(name)));
    }
    return needs;
  }

  /** The stage a "Tahap: ..." entry names by its label. */
  private static Stage stageNamed(String detail) {
    if (detail == null || !detail.startsWith("Tahap: ")) {
      return null;
    }
    return Stage.labelled(detail.substring("Tahap: ".length()));
  }

  private static OffsetDateTime at(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
    return rs.getObject(column, OffsetDateTime.class);
  }

  private static OffsetDateTime utc(Date date) {
    return date.toInstant().atOffset(ZoneOffset.UTC);
  }

  /** The partners taking part, in catalogue order: the active ones (a deactivated partner is no longer invited). */
  public List<Partner> partners() {
    return catalogue.partners().stream().filter(Partner::active).toList();
  }
}
