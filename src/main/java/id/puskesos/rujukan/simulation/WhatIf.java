package id.puskesos.rujukan.simulation;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.type.TypeReference;

import id.puskesos.rujukan.catalogue.Program;
import id.puskesos.rujukan.catalogue.ProgramCatalogue;
import id.puskesos.rujukan.common.Checks;
import id.puskesos.rujukan.common.Dates;
import id.puskesos.rujukan.common.Json;

/**
 * The what-if simulation on the real models (docs/simulation.md): the residents and needs of a past period replayed
 * through a candidate eligibility table, the routing rules, the catalogue and the budgets (with top-ups the what-if
 * adds), beside what actually happened. Everything is computed in memory in a read-only transaction; the one write is
 * the simulation's own record. No message is sent, no task made, nothing of the case file changed.
 */
@Service
public class WhatIf {

  /** A budget added in the what-if: program code, period as the program names it (2026-11, 2026-Q4, 2026), amount in the program's unit. */
  public record TopUp(String programCode, String period, long amount) {
  }

  /** eligibilityTable: the candidate program-eligibility.dmn bytes, null = the deployed latest version. modelChangeId may be null. */
  public record Request(LocalDate from, LocalDate to, byte[] eligibilityTable, List<TopUp> topUps, Long modelChangeId) {
  }

  private final PastCases pastCases;
  private final Replay replay;
  private final CandidateTable tables;
  private final ProgramCatalogue catalogue;
  private final JdbcClient jdbc;
  private final TransactionTemplate readOnly;
  private final Clock clock;

  WhatIf(PastCases pastCases, Replay replay, CandidateTable tables, ProgramCatalogue catalogue, JdbcClient jdbc,
      PlatformTransactionManager transactions, Clock clock) {
    this.pastCases = pastCases;
    this.replay = replay;
    this.tables = tables;
    this.catalogue = catalogue;
    this.jdbc = jdbc;
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
    // its own transaction, rolled back when done: it only reads, and a case it cannot replay (no assessment yet)
    // fails a read that marks the transaction it runs in, which must not be the caller's (a model change's step)
    this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /** Validates the request (400 with every field named), computes the what-if, stores it and returns it. */
  public Simulation run(Request request, String actor) {
    List<TopUp> topUps = request.topUps() == null ? List.of() : List.copyOf(request.topUps());
    validate(request, topUps);
    Report report = readOnly.execute(status -> {
      CandidateTable.Table deployed = tables.table(null);
      CandidateTable.Table candidate = request.eligibilityTable() == null ? deployed
          : tables.table(request.eligibilityTable());
      Report replayed = replay.run(request.from(), request.to(), deployed, candidate, topUps,
          pastCases.received(request.from(), request.to()));
      status.setRollbackOnly();
      return replayed;
    });
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO simulation (model_change_id, period_from, period_to, top_ups, report, created_by, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(request.modelChangeId(), request.from(), request.to(), Json.write(topUps).getBytes(),
            Json.write(report).getBytes(), actor, OffsetDateTime.now(clock))
        .update(key, "id");
    return find(key.getKey().longValue()).orElseThrow();
  }

  public Optional<Simulation> find(long id) {
    return jdbc.sql("""
        SELECT id, model_change_id, period_from, period_to, report, created_by, created_at FROM simulation
        WHERE id = ?""")
        .param(id).query((rs, n) -> new Simulation(rs.getLong("id"), rs.getObject("model_change_id", Long.class),
            rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
            rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
            read(rs.getBytes("report"))))
        .optional();
  }

  private void validate(Request request, List<TopUp> topUps) {
    Checks checks = new Checks();
    LocalDate from = request.from();
    LocalDate to = request.to();
    checks.check(from != null, "from", "Tanggal awal periode wajib diisi");
    checks.check(to != null, "to", "Tanggal akhir periode wajib diisi");
    if (from != null && to != null) {
      checks.check(!to.isBefore(from), "to", "Tanggal akhir periode sebelum tanggal awal");
      checks.check(to.isBefore(from.plusYears(1)), "to", "Periode simulasi paling lama satu tahun");
      checks.check(!to.isAfter(LocalDate.now(clock.withZone(Dates.BANDUNG))), "to",
          "Periode simulasi harus periode yang sudah lewat (paling lambat hari ini)");
    }
    for (int i = 0; i < topUps.size(); i++) {
      TopUp t = topUps.get(i);
      String field = "topUps[" + i + "]";
      Program program = t == null || t.programCode() == null ? null
          : catalogue.findProgram(t.programCode()).orElse(null);
      if (program == null) {
        checks.add(field + ".programCode", "Program " + (t == null ? "" : t.programCode()) + " tidak dikenal");
        continue;
      }
      checks.check(program.budgeted(), field + ".programCode",
          program.name() + " tidak memakai anggaran (program layanan atau usulan nasional)");
      checks.check(program.budgetPeriod().names(t.period()), field + ".period",
          "Periode %s bukan periode %s %s (contoh: %s)".formatted(t.period(), program.budgetPeriod().label(),
              program.name(), program.budgetPeriod().of(LocalDate.now(clock.withZone(Dates.BANDUNG)))));
      checks.check(t.amount() > 0, field + ".amount", "Tambahan anggaran harus lebih dari 0");
    }
    checks.check(topUps.size() <= 50, "topUps", "Paling banyak 50 tambahan anggaran");
    checks.throwIfAny();
  }

  private static Report read(byte[] json) {
    try {
      return Json.MAPPER.readValue(json, new TypeReference<Report>() { });
    } catch (IOException e) {
      throw new IllegalStateException("simulation report unreadable", e);
    }
  }
}
