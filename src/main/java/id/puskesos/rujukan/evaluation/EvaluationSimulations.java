package id.puskesos.rujukan.evaluation;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.common.ConflictException;
import id.puskesos.rujukan.common.Dates;
import id.puskesos.rujukan.common.NotFoundException;
import id.puskesos.rujukan.report.Report;
import id.puskesos.rujukan.simulation.Simulation;
import id.puskesos.rujukan.simulation.WhatIf;

/**
 * What-if simulations the koordinator attaches to an evaluation when the meeting asks (docs/simulation.md): the pack
 * then shows each one's headline figures in a section "Simulasi perubahan aturan". Figures only: the masked list of
 * who gains or loses stays with the simulation, for the koordinator.
 */
@Component
public class EvaluationSimulations {

  private static final Locale INDONESIA = Locale.forLanguageTag("id-ID");

  private final JdbcClient jdbc;
  private final WhatIf whatIf;
  private final Clock clock;

  public EvaluationSimulations(JdbcClient jdbc, WhatIf whatIf, Clock clock) {
    this.jdbc = jdbc;
    this.whatIf = whatIf;
    this.clock = clock;
  }

  /** Attaches the simulation to the evaluation; 404 for either unknown, 409 when it is attached already. */
  @Transactional
  public void attach(long evaluationId, long simulationId, String actor) {
    boolean evaluation = jdbc.sql("SELECT COUNT(*) FROM evaluation WHERE id = ?").param(evaluationId)
        .query(Long.class).single() > 0;
    if (!evaluation) {
      throw new NotFoundException("Evaluasi " + evaluationId + " tidak ditemukan");
    }
    whatIf.find(simulationId).orElseThrow(() -> new NotFoundException("Simulasi " + simulationId + " tidak ditemukan"));
    boolean attached = jdbc.sql("SELECT COUNT(*) FROM evaluation_simulation WHERE evaluation_id = ? AND simulation_id = ?")
        .params(evaluationId, simulationId).query(Long.class).single() > 0;
    if (attached) {
      throw new ConflictException("Simulasi " + simulationId + " sudah dilampirkan pada evaluasi ini");
    }
    jdbc.sql("""
        INSERT INTO evaluation_simulation (evaluation_id, simulation_id, attached_by, attached_at)
        VALUES (?, ?, ?, ?)""").params(evaluationId, simulationId, actor, OffsetDateTime.now(clock)).update();
  }

  /** The pack's section on the attached simulations, or none when nothing is attached. */
  @Transactional(readOnly = true)
  public List<Report.Section> sections(long evaluationId) {
    List<Long> ids = jdbc.sql("SELECT simulation_id FROM evaluation_simulation WHERE evaluation_id = ? ORDER BY simulation_id")
        .param(evaluationId).query(Long.class).list();
    if (ids.isEmpty()) {
      return List.of();
    }
    List<String> paragraphs = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    for (long id : ids) {
      Simulation s = whatIf.find(id).orElse(null);
      if (s == null) {
        continue;
      }
      var r = s.report();
      paragraphs.add(("Simulasi %d (%s s.d. %s, %s%s): tingkat fasilitasi %s menjadi %s; warga tanpa program %d menjadi "
          + "%d; %d kasus mendapat program, %d kasus kehilangan program; daftar tunggu anggaran %d menjadi %d kasus.")
          .formatted(id, Dates.written(s.from()), Dates.written(s.to()), r.table(), r.topUps().isEmpty() ? ""
              : ", dengan " + r.topUps().size() + " tambahan anggaran", percent(r.facilitationActual().rate()),
              percent(r.facilitationWhatIf().rate()), r.noProgramActual(), r.noProgramWhatIf(), r.casesGaining(),
              r.casesLosing(), r.waitingActual(), r.waitingWhatIf()));
      for (var p : r.programs()) {
        rows.add(List.of(Long.toString(id), p.programName(), p.partnerName(), Integer.toString(p.casesActual()),
            Integer.toString(p.casesWhatIf()), p.budgeted() ? Integer.toString(p.waitingActual()) : "",
            p.budgeted() ? Integer.toString(p.waitingWhatIf()) : ""));
      }
    }
    paragraphs.add("Tingkat fasilitasi memakai definisi yang sama dengan bagian tingkat fasilitasi "
        + "di atas (ukuran studi). Asumsi simulasi: lihat halaman simulasi (/simulasi/).");
    return List.of(new Report.Section("Simulasi perubahan aturan", paragraphs, List.of(new Report.Table(
        "simulasi-perubahan-aturan", "Kasus dan daftar tunggu per program: nyata dan simulasi",
        List.of("Simulasi", "Program", "Mitra", "Kasus (nyata)", "Kasus (simulasi)", "Daftar tunggu (nyata)",
            "Daftar tunggu (simulasi)"), rows, null))));
  }

  private static String percent(Double share) {
    return share == null ? "-" : String.format(INDONESIA, "%.1f%%", share * 100);
  }
}
